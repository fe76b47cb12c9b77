package de.parkleit.routing.search;

import de.parkleit.routing.graph.EdgeWeights;
import de.parkleit.routing.graph.RoadGraph;
import de.parkleit.routing.graph.Snap;

/** How a search leaves an origin snap and reaches a destination snap over the partial edges. */
final class Endpoints {

    private Endpoints() {
    }

    static int partial(int weight, double share) {
        return (int) Math.round(weight * share);
    }

    /** Seeds the search with the heads of the origin's edges (parent marks the edge used). */
    static void seed(RoadGraph g, EdgeWeights w, Snap from, SearchSpace space) {
        for (int edge : new int[] {from.forwardEdge(), from.backwardEdge()}) {
            if (edge >= 0) {
                int cost = partial(w.get(edge), 1 - from.fractionOn(edge));
                space.improve(g.head(edge), cost, originMarker(edge));
            }
        }
    }

    static int originMarker(int edge) {
        return -2 - edge;
    }

    static boolean isOriginMarker(int parent) {
        return parent <= -2;
    }

    static int originEdge(int marker) {
        return -2 - marker;
    }

    /** Cost of the direct path along one edge when origin and destination share a segment, or -1. */
    static long direct(EdgeWeights w, Snap from, Snap to, int[] edgeOut) {
        if (from.segment() != to.segment()) {
            return -1;
        }
        long best = -1;
        for (int edge : new int[] {from.forwardEdge(), from.backwardEdge()}) {
            if (edge < 0) {
                continue;
            }
            double share = to.fractionOn(edge) - from.fractionOn(edge);
            if (share >= 0) {
                long cost = partial(w.get(edge), share);
                if (best < 0 || cost < best) {
                    best = cost;
                    edgeOut[0] = edge;
                }
            }
        }
        return best;
    }
}
