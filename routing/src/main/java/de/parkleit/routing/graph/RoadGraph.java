package de.parkleit.routing.graph;

/**
 * The immutable road graph of one travel mode in primitive arrays.
 *
 * <p>Nodes are junctions (and way ends), numbered in a space-filling-curve order so that nearby
 * nodes sit close in memory. Directed edges are numbered in forward-star order: the edges leaving
 * node {@code n} are {@code firstOut(n) .. firstOut(n + 1) - 1}. The nodes between two junctions
 * are folded into the geometry of a <em>segment</em>; the one or two directed edges that run
 * along a segment share its geometry ({@link #segmentOf}, {@link #isReversed}). Lengths are
 * in centimetres and free-flow times in milliseconds, both as {@code int}. Turn restrictions and
 * barriers on nodes are not modelled. Instances are safe to share between threads.
 */
public final class RoadGraph {

    private final TravelMode mode;
    private final int[] latE7;
    private final int[] lonE7;
    private final int[] firstOut;
    private final int[] head;
    private final int[] tail;
    private final int[] firstIn;
    private final int[] inEdges;
    private final int[] lengthCm;
    private final int[] freeFlowMs;
    private final byte[] roadClass;
    private final int[] shape;
    private final int[] twin;
    private final int[] segmentFirstPoint;
    private final int[] pointLatE7;
    private final int[] pointLonE7;
    private final long[] segmentWay;
    private final int[] segmentForward;
    private final int[] segmentBackward;

    RoadGraph(TravelMode mode, int[] latE7, int[] lonE7, int[] firstOut, int[] head, int[] tail, int[] firstIn,
              int[] inEdges, int[] lengthCm, int[] freeFlowMs, byte[] roadClass, int[] shape, int[] twin,
              int[] segmentFirstPoint, int[] pointLatE7, int[] pointLonE7, long[] segmentWay,
              int[] segmentForward, int[] segmentBackward) {
        this.mode = mode;
        this.latE7 = latE7;
        this.lonE7 = lonE7;
        this.firstOut = firstOut;
        this.head = head;
        this.tail = tail;
        this.firstIn = firstIn;
        this.inEdges = inEdges;
        this.lengthCm = lengthCm;
        this.freeFlowMs = freeFlowMs;
        this.roadClass = roadClass;
        this.shape = shape;
        this.twin = twin;
        this.segmentFirstPoint = segmentFirstPoint;
        this.pointLatE7 = pointLatE7;
        this.pointLonE7 = pointLonE7;
        this.segmentWay = segmentWay;
        this.segmentForward = segmentForward;
        this.segmentBackward = segmentBackward;
    }

    public TravelMode mode() {
        return mode;
    }

    public int nodeCount() {
        return latE7.length;
    }

    public int edgeCount() {
        return head.length;
    }

    public int segmentCount() {
        return segmentWay.length;
    }

    public double lat(int node) {
        return latE7[node] * 1e-7;
    }

    public double lon(int node) {
        return lonE7[node] * 1e-7;
    }

    public int latE7(int node) {
        return latE7[node];
    }

    public int lonE7(int node) {
        return lonE7[node];
    }

    /** First outgoing edge of {@code node}; {@code firstOut(node + 1)} ends the range. */
    public int firstOut(int node) {
        return firstOut[node];
    }

    /** First index into {@link #inEdge} for {@code node}; {@code firstIn(node + 1)} ends the range. */
    public int firstIn(int node) {
        return firstIn[node];
    }

    /** The edge at position {@code i} of the incoming-edge list (see {@link #firstIn}). */
    public int inEdge(int i) {
        return inEdges[i];
    }

    public int head(int edge) {
        return head[edge];
    }

    public int tail(int edge) {
        return tail[edge];
    }

    public int lengthCm(int edge) {
        return lengthCm[edge];
    }

    public double lengthMeters(int edge) {
        return lengthCm[edge] / 100.0;
    }

    public int freeFlowMs(int edge) {
        return freeFlowMs[edge];
    }

    /** Free-flow speed of an edge in km/h. */
    public double freeFlowKmh(int edge) {
        return freeFlowMs[edge] == 0 ? 0 : lengthCm[edge] * 36.0 / freeFlowMs[edge];
    }

    public RoadClass roadClass(int edge) {
        return RoadClass.of(roadClass[edge]);
    }

    /** The edge running the other way along the same segment, or -1 on a one-way road. */
    public int twin(int edge) {
        return twin[edge];
    }

    public int segmentOf(int edge) {
        return shape[edge] >>> 1;
    }

    /** Whether the edge runs against its segment's point order. */
    public boolean isReversed(int edge) {
        return (shape[edge] & 1) != 0;
    }

    /** The OSM way a segment was cut from. */
    public long wayId(int segment) {
        return segmentWay[segment];
    }

    /** The edge running along the segment's point order, or -1. */
    public int segmentForward(int segment) {
        return segmentForward[segment];
    }

    /** The edge running against the segment's point order, or -1. */
    public int segmentBackward(int segment) {
        return segmentBackward[segment];
    }

    /** Number of points of a segment, its two junctions included. */
    public int segmentPointCount(int segment) {
        return segmentFirstPoint[segment + 1] - segmentFirstPoint[segment] + 2;
    }

    /** Latitude (1e-7 degrees) of point {@code i} of a segment, in the segment's point order. */
    public int segmentLatE7(int segment, int i) {
        return segmentCoordinate(segment, i, true);
    }

    /** Longitude (1e-7 degrees) of point {@code i} of a segment, in the segment's point order. */
    public int segmentLonE7(int segment, int i) {
        return segmentCoordinate(segment, i, false);
    }

    private int segmentCoordinate(int segment, int i, boolean lat) {
        int pillars = segmentFirstPoint[segment + 1] - segmentFirstPoint[segment];
        if (i == 0 || i == pillars + 1) {
            int node = segmentNode(segment, i == 0);
            return lat ? latE7[node] : lonE7[node];
        }
        int p = segmentFirstPoint[segment] + i - 1;
        return lat ? pointLatE7[p] : pointLonE7[p];
    }

    /** The junction at the start (or end) of a segment's point order. */
    public int segmentNode(int segment, boolean start) {
        int f = segmentForward[segment];
        if (f >= 0) {
            return start ? tail[f] : head[f];
        }
        int b = segmentBackward[segment];
        return start ? head[b] : tail[b];
    }

    /** Approximate heap size of the arrays in bytes. */
    public long memoryBytes() {
        long ints = 2L * latE7.length + firstOut.length + firstIn.length + 7L * head.length
                + segmentFirstPoint.length + 2L * pointLatE7.length + 2L * segmentWay.length;
        return 4 * ints + roadClass.length + 8L * segmentWay.length;
    }
}
