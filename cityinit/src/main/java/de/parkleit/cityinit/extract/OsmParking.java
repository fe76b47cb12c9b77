package de.parkleit.cityinit.extract;

import java.util.Map;

/**
 * An {@code amenity=parking} node, closed way or multipolygon relation inside the area ({@code kind} node, way,
 * relation), with its position (an area's centroid) and, for an area, its size in square metres (0 for a node).
 */
public record OsmParking(String kind, long id, double lat, double lon, double areaM2, Map<String, String> tags) {
}
