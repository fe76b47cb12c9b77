/** Facility lists in the formats cities have (ParkAPI GeoJSON, feeds, CSV, OSM), read into one shape and written as facilities.geojson. */
package de.parkleit.cityinit.facilities;
