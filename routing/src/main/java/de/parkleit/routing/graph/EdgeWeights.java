package de.parkleit.routing.graph;

import java.time.Instant;

/**
 * An immutable weight per directed edge of one graph (milliseconds for travel time, centimetres
 * for distance), stamped with a version and the time it was computed. A search holds one instance
 * from start to end, so replacing the current weights never disturbs a running query.
 */
public final class EdgeWeights {

    private final int[] values;
    private final long version;
    private final Instant asOf;

    private EdgeWeights(int[] values, long version, Instant asOf) {
        this.values = values;
        this.version = version;
        this.asOf = asOf;
    }

    /** Takes ownership of {@code values}: the caller must not change the array afterwards. */
    public static EdgeWeights wrap(int[] values, long version, Instant asOf) {
        for (int v : values) {
            if (v < 0) {
                throw new IllegalArgumentException("edge weights must be >= 0, got " + v);
            }
        }
        return new EdgeWeights(values, version, asOf);
    }

    /** Edge lengths in centimetres (for the shortest route). */
    public static EdgeWeights lengths(RoadGraph g) {
        int[] v = new int[g.edgeCount()];
        for (int e = 0; e < v.length; e++) {
            v[e] = g.lengthCm(e);
        }
        return new EdgeWeights(v, 0, Instant.EPOCH);
    }

    /** Free-flow travel times in milliseconds (from speed limits and road class). */
    public static EdgeWeights freeFlow(RoadGraph g) {
        int[] v = new int[g.edgeCount()];
        for (int e = 0; e < v.length; e++) {
            v[e] = g.freeFlowMs(e);
        }
        return new EdgeWeights(v, 0, Instant.EPOCH);
    }

    public int get(int edge) {
        return values[edge];
    }

    public int size() {
        return values.length;
    }

    public long version() {
        return version;
    }

    public Instant asOf() {
        return asOf;
    }

    /** A copy of the values, to derive the next version from. */
    public int[] toArray() {
        return values.clone();
    }
}
