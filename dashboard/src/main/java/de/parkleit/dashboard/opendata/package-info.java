/**
 * Open-data exports of the live state with licence and attribution: GeoJSON, a ParkAPI (v1)
 * compatible city JSON and a DATEX II v3 parking status publication.
 */
package de.parkleit.dashboard.opendata;
