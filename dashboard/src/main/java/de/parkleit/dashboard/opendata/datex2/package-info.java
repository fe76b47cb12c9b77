/**
 * The DATEX II exports of the open-data API: v2.3 ({@code d2LogicalModel} with a {@code GenericPublication} carrying the
 * parking table or status, as German feeds publish it) and v3.6 ({@code d2:payload} parking table and status
 * publications, with forecast status records). Small builders over one StAX writer; the official XSDs check them in
 * the tests.
 */
package de.parkleit.dashboard.opendata.datex2;
