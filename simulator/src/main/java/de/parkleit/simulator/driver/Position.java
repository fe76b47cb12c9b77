package de.parkleit.simulator.driver;

import java.util.Locale;

/** A WGS84 position in degrees. */
public record Position(double lat, double lon) {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    public Position {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("position out of range: " + lat + "," + lon);
        }
    }

    /** Great-circle distance in metres (haversine). */
    public double metersTo(Position o) {
        double p1 = Math.toRadians(lat);
        double p2 = Math.toRadians(o.lat);
        double dp = p2 - p1;
        double dl = Math.toRadians(o.lon - lon);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** The position {@code meters} away in direction {@code bearingRad} (0 = north), on a local plane. */
    public Position offset(double meters, double bearingRad) {
        double dLat = meters * Math.cos(bearingRad) / 111_320.0;
        double dLon = meters * Math.sin(bearingRad) / (111_320.0 * Math.cos(Math.toRadians(lat)));
        return new Position(lat + dLat, lon + dLon);
    }

    /** {@code lat,lon} with 6 decimals, as the HTTP API takes it. */
    public String query() {
        return String.format(Locale.ROOT, "%.6f,%.6f", lat, lon);
    }
}
