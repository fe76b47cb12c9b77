package de.parkleit.routing.graph;

/** A WGS84 position in degrees. */
public record GeoPoint(double lat, double lon) {

    public GeoPoint {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("position out of range: " + lat + "," + lon);
        }
    }

    /** Great-circle distance in metres. */
    public double distanceTo(GeoPoint other) {
        return EarthDistance.meters(lat, lon, other.lat, other.lon);
    }
}
