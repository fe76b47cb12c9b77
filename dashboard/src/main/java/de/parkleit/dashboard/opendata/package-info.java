/**
 * Open-data exports of the live state with licence and attribution, served with HTTP validators,
 * 304 and gzip: GeoJSON, a ParkAPI (v1) city JSON for OpenTripPlanner, DATEX II Parking Publication
 * Light (JSON) and the DATEX II v2.3 and v3.6 parking publications (package {@code datex2}); and the
 * push of the city's sites to a ParkAPI v3 hub.
 */
package de.parkleit.dashboard.opendata;
