/**
 * JMH benchmark of the dashboard's DATEX II exports (v2.3 and v3.6, table and status) for a 5,000-facility city,
 * next to a floor: a bare StAX writer replaying the same elements and texts.
 */
package de.parkleit.bench.datex2;
