/** The area a city keeps out of a regional extract: a bounding box or a GeoJSON boundary. */
package de.parkleit.cityinit.area;
