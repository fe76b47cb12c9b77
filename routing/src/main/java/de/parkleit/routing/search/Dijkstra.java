package de.parkleit.routing.search;

import de.parkleit.routing.graph.EdgeWeights;
import de.parkleit.routing.graph.RoadGraph;
import de.parkleit.routing.graph.Snap;
import java.util.Optional;

/**
 * Dijkstra's algorithm from one snapped origin to one snapped destination over a
 * {@link RoadGraph} with the given {@link EdgeWeights}. Starts and ends mid-edge; stops as soon as
 * no unsettled node can improve the best path found. Thread-safe: every search takes its own
 * pooled state.
 */
public final class Dijkstra {

    private final RoadGraph graph;
    private final SearchSpaces spaces;

    public Dijkstra(RoadGraph graph) {
        this.graph = graph;
        this.spaces = new SearchSpaces(graph.nodeCount());
    }

    public RoadGraph graph() {
        return graph;
    }

    /** The least-weight path, or empty if the destination cannot be reached from the origin. */
    public Optional<EdgePath> route(EdgeWeights weights, Snap from, Snap to) {
        SearchSpace space = spaces.acquire();
        try {
            return search(space, weights, from, to);
        } finally {
            spaces.release(space);
        }
    }

    private Optional<EdgePath> search(SearchSpace space, EdgeWeights w, Snap from, Snap to) {
        EdgePath bestPath = Endpoints.direct(w, from, to);
        long best = bestPath == null ? Long.MAX_VALUE : bestPath.weight();
        Endpoints.Ends arrivals = Endpoints.arrivals(graph, w, to);
        space.begin();
        Endpoints.seed(graph, w, from, space);
        IntMinHeap heap = space.heap;
        int bestArrival = -1;
        while (!heap.isEmpty() && heap.peekKey() < best) {
            int u = heap.poll();
            int wu = space.weight[u];
            for (int i = 0; i < arrivals.size; i++) {
                if (arrivals.node[i] == u && (long) wu + arrivals.cost[i] < best) {
                    best = (long) wu + arrivals.cost[i];
                    bestArrival = i;
                }
            }
            relax(space, w, u, wu);
        }
        if (bestArrival >= 0) {
            bestPath = Endpoints.unwind(graph, space, arrivals, bestArrival, from, to, best);
        }
        return Optional.ofNullable(bestPath);
    }

    private void relax(SearchSpace space, EdgeWeights w, int u, int wu) {
        int end = graph.firstOut(u + 1);
        for (int e = graph.firstOut(u); e < end; e++) {
            int nw = wu + w.get(e);
            if (nw >= 0) {
                space.improve(graph.head(e), nw, e);
            }
        }
    }
}
