package de.parkleit.routing.search;

/**
 * A found path: the directed edges in travel order, where it starts on the first edge and ends on
 * the last (fractions of those edges' lengths, 0 at tail, 1 at head), and its total weight in the
 * unit of the weights searched with. Origin and destination on the same edge give one edge; both
 * at the same junction give no edge at all.
 */
public record EdgePath(int[] edges, double startFraction, double endFraction, long weight) {

    public boolean isEmpty() {
        return edges.length == 0;
    }

    /** Share of edge {@code i} of this path that is travelled (0..1). */
    public double travelledShare(int i) {
        double from = i == 0 ? startFraction : 0;
        double to = i == edges.length - 1 ? endFraction : 1;
        return Math.max(0, to - from);
    }
}
