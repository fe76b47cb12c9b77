package de.parkleit.cityinit.extract;

import java.util.Map;

/**
 * An {@code amenity=parking} node or closed way inside the area, with its position (a way's centroid)
 * and, for a way, its area in square metres (0 for a node).
 */
public record OsmParking(String kind, long id, double lat, double lon, double areaM2, Map<String, String> tags) {
}
