package de.parkleit.routing.graph;

/**
 * A point placed on the nearest segment of a graph.
 *
 * @param segment        the segment the point lies on
 * @param fraction       position along the segment's point order by length, 0 at its start, 1 at its end
 * @param point          the snapped position on the segment
 * @param distanceMeters distance from the queried position to {@code point}
 * @param forwardEdge    the edge along the segment's point order, or -1 on a one-way road against it
 * @param backwardEdge   the edge against the segment's point order, or -1
 * @param node           the junction when the point lies on one (within {@link #JUNCTION_METERS}), else -1;
 *                       a search may then leave or reach it over any of its edges
 */
public record Snap(int segment, double fraction, GeoPoint point, double distanceMeters, int forwardEdge,
                   int backwardEdge, int node) {

    /** A snapped point this close to a junction is the junction. */
    public static final double JUNCTION_METERS = 1.0;

    public Snap {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be within [0, 1]: " + fraction);
        }
        if (forwardEdge < 0 && backwardEdge < 0) {
            throw new IllegalArgumentException("a snap needs at least one edge");
        }
        if (node < -1) {
            throw new IllegalArgumentException("node must be a junction or -1, got " + node);
        }
    }

    /** Whether the point is a junction rather than a point inside a segment. */
    public boolean atJunction() {
        return node >= 0;
    }

    /** Position of the point along {@code edge} (one of this snap's edges), 0 at its tail, 1 at its head. */
    public double fractionOn(int edge) {
        if (edge == forwardEdge) {
            return fraction;
        }
        if (edge == backwardEdge) {
            return 1 - fraction;
        }
        throw new IllegalArgumentException("edge " + edge + " is not on segment " + segment);
    }
}
