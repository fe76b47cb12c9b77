/**
 * Open-data exports of the live state with licence and attribution, served with HTTP validators,
 * 304 and gzip: GeoJSON, a ParkAPI (v1) city JSON for OpenTripPlanner, DATEX II Parking Publication
 * Light (JSON) and DATEX II XML; and the push of the city's sites to a ParkAPI v3 hub.
 */
package de.parkleit.dashboard.opendata;
