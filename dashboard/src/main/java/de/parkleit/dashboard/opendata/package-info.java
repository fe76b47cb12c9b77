/**
 * Open-data exports of the live state with licence and attribution: GeoJSON, a ParkAPI (v1)
 * compatible city JSON and the DATEX II v2.3 and v3.6 parking publications (package {@code datex2}).
 */
package de.parkleit.dashboard.opendata;
