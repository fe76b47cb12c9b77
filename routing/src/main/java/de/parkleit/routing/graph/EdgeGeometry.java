package de.parkleit.routing.graph;

import java.util.List;

/** The polyline of a directed edge, whole or between two fractions of its length. */
public final class EdgeGeometry {

    private final RoadGraph graph;

    public EdgeGeometry(RoadGraph graph) {
        this.graph = graph;
    }

    /**
     * Appends the points of {@code edge} from fraction {@code from} to {@code to} (0 = tail,
     * 1 = head) in travel order, skipping points within about 2 cm of the last one already in {@code out}.
     */
    public void append(int edge, double from, double to, List<GeoPoint> out) {
        int s = graph.segmentOf(edge);
        boolean rev = graph.isReversed(edge);
        int n = graph.segmentPointCount(s);
        if (from <= 0 && to >= 1) {
            for (int i = 0; i < n; i++) {
                int k = rev ? n - 1 - i : i;
                add(out, new GeoPoint(graph.segmentLatE7(s, k) * 1e-7, graph.segmentLonE7(s, k) * 1e-7));
            }
            return;
        }
        double[] lat = new double[n];
        double[] lon = new double[n];
        double[] cum = new double[n];
        for (int i = 0; i < n; i++) {
            int k = rev ? n - 1 - i : i;
            lat[i] = graph.segmentLatE7(s, k) * 1e-7;
            lon[i] = graph.segmentLonE7(s, k) * 1e-7;
            if (i > 0) {
                cum[i] = cum[i - 1] + EarthDistance.meters(lat[i - 1], lon[i - 1], lat[i], lon[i]);
            }
        }
        double total = cum[n - 1];
        double a = from * total;
        double b = to * total;
        add(out, interpolate(lat, lon, cum, a));
        for (int i = 1; i < n - 1; i++) {
            if (cum[i] > a && cum[i] < b) {
                add(out, new GeoPoint(lat[i], lon[i]));
            }
        }
        add(out, interpolate(lat, lon, cum, b));
    }

    private static GeoPoint interpolate(double[] lat, double[] lon, double[] cum, double at) {
        int n = cum.length;
        if (at <= 0 || cum[n - 1] == 0) {
            return new GeoPoint(lat[0], lon[0]);
        }
        for (int i = 1; i < n; i++) {
            if (cum[i] >= at) {
                double piece = cum[i] - cum[i - 1];
                double t = piece == 0 ? 0 : (at - cum[i - 1]) / piece;
                return new GeoPoint(lat[i - 1] + t * (lat[i] - lat[i - 1]), lon[i - 1] + t * (lon[i] - lon[i - 1]));
            }
        }
        return new GeoPoint(lat[n - 1], lon[n - 1]);
    }

    private static void add(List<GeoPoint> out, GeoPoint p) {
        if (out.isEmpty()) {
            out.add(p);
            return;
        }
        GeoPoint last = out.get(out.size() - 1);
        if (Math.abs(last.lat() - p.lat()) > 2e-7 || Math.abs(last.lon() - p.lon()) > 2e-7) {
            out.add(p);
        }
    }

    /** Compass bearing in degrees (0 = north, 90 = east) of {@code edge} at fraction {@code at} of its length. */
    public double bearingAt(int edge, double at) {
        int s = graph.segmentOf(edge);
        boolean rev = graph.isReversed(edge);
        int n = graph.segmentPointCount(s);
        double total = 0;
        double[] len = new double[n - 1];
        for (int i = 0; i + 1 < n; i++) {
            len[i] = EarthDistance.metersE7(graph.segmentLatE7(s, i), graph.segmentLonE7(s, i),
                    graph.segmentLatE7(s, i + 1), graph.segmentLonE7(s, i + 1));
            total += len[i];
        }
        double target = (rev ? 1 - at : at) * total;
        int piece = 0;
        double walked = 0;
        while (piece < n - 2 && walked + len[piece] < target) {
            walked += len[piece];
            piece++;
        }
        int a = rev ? piece + 1 : piece;
        int b = rev ? piece : piece + 1;
        double lat1 = Math.toRadians(graph.segmentLatE7(s, a) * 1e-7);
        double lat2 = Math.toRadians(graph.segmentLatE7(s, b) * 1e-7);
        double dLon = Math.toRadians((graph.segmentLonE7(s, b) - graph.segmentLonE7(s, a)) * 1e-7);
        double y = Math.sin(dLon) * Math.cos(lat2);
        double x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(dLon);
        return (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
    }
}
