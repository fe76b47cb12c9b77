package de.parkleit.guidance.signs;

import de.parkleit.routing.graph.EarthDistance;
import de.parkleit.routing.graph.RoadGraph;

/**
 * Compass bearings (0 = north, clockwise, degrees) of directed edges near their ends and at a
 * point along them, measured over a short stretch so that tiny geometry pieces at junctions do
 * not decide a turn.
 */
final class EdgeBearings {

    /** Length over which the direction leaving or entering a junction is measured. */
    static final double STRETCH_M = 20;

    private final RoadGraph graph;

    EdgeBearings(RoadGraph graph) {
        this.graph = graph;
    }

    /** Direction of travel leaving the tail of {@code edge}. */
    double leaving(int edge) {
        double[] from = point(edge, 0);
        double[] to = pointAtDistance(edge, STRETCH_M, false);
        return bearing(from, to);
    }

    /** Direction of travel arriving at the head of {@code edge}. */
    double arriving(int edge) {
        double[] from = pointAtDistance(edge, STRETCH_M, true);
        double[] to = point(edge, pointCount(edge) - 1);
        return bearing(from, to);
    }

    /** Direction of travel along {@code edge} at fraction {@code at} (0 = tail) of its points. */
    double at(int edge, double at) {
        int n = pointCount(edge);
        double[] cum = new double[n];
        for (int i = 1; i < n; i++) {
            cum[i] = cum[i - 1] + dist(point(edge, i - 1), point(edge, i));
        }
        double target = at * cum[n - 1];
        int i = 1;
        while (i < n - 1 && cum[i] < target) {
            i++;
        }
        return bearing(point(edge, i - 1), point(edge, i));
    }

    /** The point of the edge's geometry {@code meters} from its tail (or from its head if {@code fromHead}). */
    private double[] pointAtDistance(int edge, double meters, boolean fromHead) {
        int n = pointCount(edge);
        double walked = 0;
        for (int k = 1; k < n; k++) {
            int a = fromHead ? n - k : k - 1;
            int b = fromHead ? n - 1 - k : k;
            walked += dist(point(edge, a), point(edge, b));
            if (walked >= meters) {
                return point(edge, b);
            }
        }
        return point(edge, fromHead ? 0 : n - 1);
    }

    private int pointCount(int edge) {
        return graph.segmentPointCount(graph.segmentOf(edge));
    }

    /** Point {@code i} of the edge in travel order as {lat, lon}. */
    private double[] point(int edge, int i) {
        int s = graph.segmentOf(edge);
        int k = graph.isReversed(edge) ? graph.segmentPointCount(s) - 1 - i : i;
        return new double[] {graph.segmentLatE7(s, k) * 1e-7, graph.segmentLonE7(s, k) * 1e-7};
    }

    private static double dist(double[] a, double[] b) {
        return EarthDistance.meters(a[0], a[1], b[0], b[1]);
    }

    static double bearing(double[] a, double[] b) {
        double lat1 = Math.toRadians(a[0]);
        double lat2 = Math.toRadians(b[0]);
        double dLon = Math.toRadians(b[1] - a[1]);
        double y = Math.sin(dLon) * Math.cos(lat2);
        double x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(dLon);
        return (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
    }

    /** Signed difference {@code to - from} in (-180, 180], clockwise positive. */
    static double turn(double from, double to) {
        double d = (to - from) % 360;
        if (d > 180) {
            d -= 360;
        } else if (d <= -180) {
            d += 360;
        }
        return d;
    }
}
