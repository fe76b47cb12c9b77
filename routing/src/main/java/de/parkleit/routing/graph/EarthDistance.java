package de.parkleit.routing.graph;

/** Great-circle distance on a spherical earth (haversine), as OSM routers use it. */
public final class EarthDistance {

    public static final double EARTH_RADIUS_M = 6_371_000.0;

    private EarthDistance() {
    }

    public static double meters(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Distance between two positions given in 1e-7 degrees. */
    public static double metersE7(int lat1, int lon1, int lat2, int lon2) {
        return meters(lat1 * 1e-7, lon1 * 1e-7, lat2 * 1e-7, lon2 * 1e-7);
    }
}
