package de.parkleit.routing.graph;

import java.util.Arrays;

/**
 * Collects junctions, segments (with their folded intermediate points) and directed edges, then
 * builds a {@link RoadGraph}: optionally only its largest strongly connected component, nodes in
 * Morton (Z-curve) order, edges in forward-star order. Not thread-safe; use once.
 */
public final class RoadGraphBuilder {

    /** The built graph and what was dropped to keep it strongly connected. */
    public record Result(RoadGraph graph, int nodesBefore, int edgesBefore) {
        public int droppedNodes() {
            return nodesBefore - graph.nodeCount();
        }

        public int droppedEdges() {
            return edgesBefore - graph.edgeCount();
        }

        /** Share of nodes dropped, 0..1. */
        public double droppedNodeShare() {
            return nodesBefore == 0 ? 0 : droppedNodes() / (double) nodesBefore;
        }
    }

    private final TravelMode mode;
    private final IntArrayList nodeLat = new IntArrayList(1 << 12);
    private final IntArrayList nodeLon = new IntArrayList(1 << 12);
    private final IntArrayList segFrom = new IntArrayList(1 << 12);
    private final IntArrayList segTo = new IntArrayList(1 << 12);
    private final IntArrayList segFirstPoint = new IntArrayList(1 << 12);
    private final LongArrayList segWay = new LongArrayList(1 << 12);
    private final IntArrayList pointLat = new IntArrayList(1 << 12);
    private final IntArrayList pointLon = new IntArrayList(1 << 12);
    private final IntArrayList edgeShape = new IntArrayList(1 << 12);
    private final IntArrayList edgeLength = new IntArrayList(1 << 12);
    private final IntArrayList edgeTime = new IntArrayList(1 << 12);
    private final IntArrayList edgeClass = new IntArrayList(1 << 12);

    public RoadGraphBuilder(TravelMode mode) {
        this.mode = mode;
    }

    public int addNode(int latE7, int lonE7) {
        nodeLat.add(latE7);
        nodeLon.add(lonE7);
        return nodeLat.size() - 1;
    }

    public int nodeCount() {
        return nodeLat.size();
    }

    /** Adds a segment from junction {@code from} to {@code to} over the given intermediate points. */
    public int addSegment(long wayId, int from, int to, int[] pillarLatE7, int[] pillarLonE7, int pillarCount) {
        if (from == to) {
            throw new IllegalArgumentException("a segment must join two different junctions: " + from);
        }
        segFrom.add(from);
        segTo.add(to);
        segWay.add(wayId);
        segFirstPoint.add(pointLat.size());
        for (int i = 0; i < pillarCount; i++) {
            pointLat.add(pillarLatE7[i]);
            pointLon.add(pillarLonE7[i]);
        }
        return segFrom.size() - 1;
    }

    /** Adds a directed edge along ({@code reversed = false}) or against a segment's point order. */
    public void addEdge(int segment, boolean reversed, int lengthCm, int freeFlowMs, RoadClass roadClass) {
        if (lengthCm < 0 || freeFlowMs < 0) {
            throw new IllegalArgumentException("negative length or time on segment " + segment);
        }
        edgeShape.add(segment << 1 | (reversed ? 1 : 0));
        edgeLength.add(lengthCm);
        edgeTime.add(freeFlowMs);
        edgeClass.add(roadClass.ordinal());
    }

    public Result build(boolean largestComponentOnly) {
        int n = nodeLat.size();
        int m = edgeShape.size();
        int[] tailOf = new int[m];
        int[] headOf = new int[m];
        for (int e = 0; e < m; e++) {
            int s = edgeShape.get(e) >>> 1;
            boolean rev = (edgeShape.get(e) & 1) != 0;
            tailOf[e] = rev ? segTo.get(s) : segFrom.get(s);
            headOf[e] = rev ? segFrom.get(s) : segTo.get(s);
        }
        boolean[] keepNode = new boolean[n];
        if (largestComponentOnly && n > 0) {
            int[] order = sortBy(tailOf, n);
            int[] first = offsets(tailOf, n);
            int[] heads = new int[m];
            for (int i = 0; i < m; i++) {
                heads[i] = headOf[order[i]];
            }
            int[] comp = StronglyConnected.components(first, heads);
            int big = StronglyConnected.largest(comp);
            for (int v = 0; v < n; v++) {
                keepNode[v] = comp[v] == big;
            }
        } else {
            Arrays.fill(keepNode, true);
        }
        int[] newNode = mortonOrder(keepNode);
        return new Result(assemble(newNode, tailOf, headOf), n, m);
    }

    private RoadGraph assemble(int[] newNode, int[] tailOf, int[] headOf) {
        int m = tailOf.length;
        int nodes = 0;
        for (int v : newNode) {
            nodes = Math.max(nodes, v + 1);
        }
        IntArrayList kept = new IntArrayList(m);
        for (int e = 0; e < m; e++) {
            if (newNode[tailOf[e]] >= 0 && newNode[headOf[e]] >= 0) {
                kept.add(e);
            }
        }
        int k = kept.size();
        int[] keptTail = new int[k];
        for (int i = 0; i < k; i++) {
            keptTail[i] = newNode[tailOf[kept.get(i)]];
        }
        int[] order = sortBy(keptTail, nodes);
        int[] firstOut = offsets(keptTail, nodes);
        int[] newSeg = new int[segFrom.size()];
        Arrays.fill(newSeg, -1);
        int segments = 0;
        int[] oldEdgeOf = new int[k];
        for (int i = 0; i < k; i++) {
            oldEdgeOf[i] = kept.get(order[i]);
            int s = edgeShape.get(oldEdgeOf[i]) >>> 1;
            if (newSeg[s] < 0) {
                newSeg[s] = segments++;
            }
        }
        return fill(new GraphArrays(nodes, k, segments), newNode, newSeg, oldEdgeOf, tailOf, headOf, firstOut);
    }

    private RoadGraph fill(GraphArrays a, int[] newNode, int[] newSeg, int[] oldEdgeOf, int[] tailOf, int[] headOf,
                           int[] firstOut) {
        for (int v = 0; v < newNode.length; v++) {
            if (newNode[v] >= 0) {
                a.lat[newNode[v]] = nodeLat.get(v);
                a.lon[newNode[v]] = nodeLon.get(v);
            }
        }
        Arrays.fill(a.segForward, -1);
        Arrays.fill(a.segBackward, -1);
        for (int e = 0; e < oldEdgeOf.length; e++) {
            int old = oldEdgeOf[e];
            a.tail[e] = newNode[tailOf[old]];
            a.head[e] = newNode[headOf[old]];
            a.length[e] = edgeLength.get(old);
            a.time[e] = edgeTime.get(old);
            a.roadClass[e] = (byte) edgeClass.get(old);
            int s = newSeg[edgeShape.get(old) >>> 1];
            boolean rev = (edgeShape.get(old) & 1) != 0;
            a.shape[e] = s << 1 | (rev ? 1 : 0);
            if (rev) {
                a.segBackward[s] = e;
            } else {
                a.segForward[s] = e;
            }
        }
        for (int e = 0; e < oldEdgeOf.length; e++) {
            int s = a.shape[e] >>> 1;
            a.twin[e] = (a.shape[e] & 1) != 0 ? a.segForward[s] : a.segBackward[s];
        }
        return fillSegments(a, newSeg, firstOut);
    }

    private RoadGraph fillSegments(GraphArrays a, int[] newSeg, int[] firstOut) {
        IntArrayList pLat = new IntArrayList(pointLat.size());
        IntArrayList pLon = new IntArrayList(pointLon.size());
        int[] segFirst = new int[a.segWay.length + 1];
        int[] oldSegOf = new int[a.segWay.length];
        for (int old = 0; old < newSeg.length; old++) {
            if (newSeg[old] >= 0) {
                oldSegOf[newSeg[old]] = old;
            }
        }
        for (int s = 0; s < oldSegOf.length; s++) {
            int old = oldSegOf[s];
            segFirst[s] = pLat.size();
            a.segWay[s] = segWay.get(old);
            int end = old + 1 < segFirstPoint.size() ? segFirstPoint.get(old + 1) : pointLat.size();
            for (int p = segFirstPoint.get(old); p < end; p++) {
                pLat.add(pointLat.get(p));
                pLon.add(pointLon.get(p));
            }
        }
        segFirst[oldSegOf.length] = pLat.size();
        int[] inOrder = sortBy(a.head, a.lat.length);
        int[] firstIn = offsets(a.head, a.lat.length);
        return new RoadGraph(mode, a.lat, a.lon, firstOut, a.head, a.tail, firstIn, inOrder, a.length, a.time,
                a.roadClass, a.shape, a.twin, segFirst, pLat.toArray(), pLon.toArray(), a.segWay,
                a.segForward, a.segBackward);
    }

    /** New id per old node in Z-order, -1 for nodes not kept. */
    private int[] mortonOrder(boolean[] keep) {
        int n = keep.length;
        int minLat = Integer.MAX_VALUE;
        int minLon = Integer.MAX_VALUE;
        int maxLat = Integer.MIN_VALUE;
        int maxLon = Integer.MIN_VALUE;
        for (int v = 0; v < n; v++) {
            minLat = Math.min(minLat, nodeLat.get(v));
            maxLat = Math.max(maxLat, nodeLat.get(v));
            minLon = Math.min(minLon, nodeLon.get(v));
            maxLon = Math.max(maxLon, nodeLon.get(v));
        }
        double sLat = 65535.0 / Math.max(1, (long) maxLat - minLat);
        double sLon = 65535.0 / Math.max(1, (long) maxLon - minLon);
        LongArrayList keys = new LongArrayList(n);
        for (int v = 0; v < n; v++) {
            if (keep[v]) {
                long z = interleave((int) ((nodeLon.get(v) - (long) minLon) * sLon), (int) ((nodeLat.get(v) - (long) minLat) * sLat));
                keys.add(z << 32 | v);
            }
        }
        long[] sorted = keys.toArray();
        Arrays.sort(sorted);
        int[] newId = new int[n];
        Arrays.fill(newId, -1);
        for (int i = 0; i < sorted.length; i++) {
            newId[(int) sorted[i]] = i;
        }
        return newId;
    }

    private static long interleave(int x, int y) {
        long z = 0;
        for (int b = 0; b < 16; b++) {
            z |= (long) ((x >> b) & 1) << (2 * b) | (long) ((y >> b) & 1) << (2 * b + 1);
        }
        return z;
    }

    /** Stable counting sort: positions of items ordered by key in [0, buckets). */
    static int[] sortBy(int[] key, int buckets) {
        int[] first = offsets(key, buckets);
        int[] next = Arrays.copyOf(first, buckets);
        int[] order = new int[key.length];
        for (int i = 0; i < key.length; i++) {
            order[next[key[i]]++] = i;
        }
        return order;
    }

    static int[] offsets(int[] key, int buckets) {
        int[] first = new int[buckets + 1];
        for (int k : key) {
            first[k + 1]++;
        }
        for (int i = 0; i < buckets; i++) {
            first[i + 1] += first[i];
        }
        return first;
    }

    /** The arrays of the graph under construction. */
    private static final class GraphArrays {
        final int[] lat;
        final int[] lon;
        final int[] tail;
        final int[] head;
        final int[] length;
        final int[] time;
        final byte[] roadClass;
        final int[] shape;
        final int[] twin;
        final long[] segWay;
        final int[] segForward;
        final int[] segBackward;

        GraphArrays(int nodes, int edges, int segments) {
            lat = new int[nodes];
            lon = new int[nodes];
            tail = new int[edges];
            head = new int[edges];
            length = new int[edges];
            time = new int[edges];
            roadClass = new byte[edges];
            shape = new int[edges];
            twin = new int[edges];
            segWay = new long[segments];
            segForward = new int[segments];
            segBackward = new int[segments];
        }
    }
}
