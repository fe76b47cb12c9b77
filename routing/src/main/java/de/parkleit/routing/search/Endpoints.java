package de.parkleit.routing.search;

import de.parkleit.routing.graph.EdgeWeights;
import de.parkleit.routing.graph.IntArrayList;
import de.parkleit.routing.graph.RoadGraph;
import de.parkleit.routing.graph.Snap;

/**
 * Where a search leaves an origin snap and reaches a destination snap: a junction directly, or the
 * far end (near end) of the snap's edges over the partial edge.
 */
final class Endpoints {

    /** Parent of the origin junction itself. */
    static final int ORIGIN_NODE = -1;

    /** Up to two entries (node, cost, edge); edge -1 means the snap is the node itself. */
    static final class Ends {
        int size;
        final int[] node = new int[2];
        final int[] cost = new int[2];
        final int[] edge = new int[2];

        private void add(int n, int c, int e) {
            node[size] = n;
            cost[size] = c;
            edge[size] = e;
            size++;
        }
    }

    private Endpoints() {
    }

    static int partial(int weight, double share) {
        return (int) Math.round(weight * share);
    }

    /** The nodes a search starts from, with the cost of getting there from the origin. */
    static Ends departures(RoadGraph g, EdgeWeights w, Snap from) {
        Ends d = new Ends();
        if (from.atJunction()) {
            d.add(from.node(), 0, -1);
            return d;
        }
        for (int edge : new int[] {from.forwardEdge(), from.backwardEdge()}) {
            if (edge >= 0) {
                d.add(g.head(edge), partial(w.get(edge), 1 - from.fractionOn(edge)), edge);
            }
        }
        return d;
    }

    /** The nodes a search may finish at, with the remaining cost to the destination. */
    static Ends arrivals(RoadGraph g, EdgeWeights w, Snap to) {
        Ends a = new Ends();
        if (to.atJunction()) {
            a.add(to.node(), 0, -1);
            return a;
        }
        for (int edge : new int[] {to.forwardEdge(), to.backwardEdge()}) {
            if (edge >= 0) {
                a.add(g.tail(edge), partial(w.get(edge), to.fractionOn(edge)), edge);
            }
        }
        return a;
    }

    static void seed(RoadGraph g, EdgeWeights w, Snap from, SearchSpace space) {
        Ends d = departures(g, w, from);
        for (int i = 0; i < d.size; i++) {
            space.improve(d.node[i], d.cost[i], d.edge[i] < 0 ? ORIGIN_NODE : -2 - d.edge[i]);
        }
    }

    static boolean isOriginMarker(int parent) {
        return parent < 0;
    }

    /** The direct path along one edge when both points lie inside the same segment, or null. */
    static EdgePath direct(EdgeWeights w, Snap from, Snap to) {
        if (from.segment() != to.segment() || from.atJunction() || to.atJunction()) {
            return null;
        }
        EdgePath best = null;
        for (int edge : new int[] {from.forwardEdge(), from.backwardEdge()}) {
            if (edge < 0) {
                continue;
            }
            double share = to.fractionOn(edge) - from.fractionOn(edge);
            if (share >= 0) {
                long cost = partial(w.get(edge), share);
                if (best == null || cost < best.weight()) {
                    best = new EdgePath(new int[] {edge}, from.fractionOn(edge), to.fractionOn(edge), cost);
                }
            }
        }
        return best;
    }

    /**
     * The path to arrival {@code i}, read back through the parent edges to the origin.
     */
    static EdgePath unwind(RoadGraph g, SearchSpace space, Ends arrivals, int i, Snap from, Snap to, long weight) {
        IntArrayList edges = new IntArrayList();
        int last = arrivals.edge[i];
        int node = arrivals.node[i];
        if (last >= 0) {
            edges.add(last);
        }
        int p = space.parent[node];
        while (p >= 0) {
            edges.add(p);
            p = space.parent[g.tail(p)];
        }
        boolean leftOverPartialEdge = p != ORIGIN_NODE;
        if (leftOverPartialEdge) {
            edges.add(-2 - p);
        }
        int n = edges.size();
        int[] ordered = new int[n];
        for (int k = 0; k < n; k++) {
            ordered[k] = edges.get(n - 1 - k);
        }
        if (n == 0) {
            return new EdgePath(ordered, 0, 0, weight);
        }
        double start = leftOverPartialEdge ? from.fractionOn(ordered[0]) : 0;
        double end = last >= 0 ? to.fractionOn(last) : 1;
        return new EdgePath(ordered, start, end, weight);
    }
}
