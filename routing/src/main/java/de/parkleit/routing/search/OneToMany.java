package de.parkleit.routing.search;

import de.parkleit.routing.graph.EdgeWeights;
import de.parkleit.routing.graph.RoadGraph;
import de.parkleit.routing.graph.Snap;
import java.util.List;

/**
 * One Dijkstra search from an origin to many destinations (e.g. every candidate garage): the
 * search stops once every destination's best path is final or the weight bound is passed.
 * Thread-safe: every search takes its own pooled state.
 */
public final class OneToMany {

    private final RoadGraph graph;
    private final SearchSpaces spaces;

    public OneToMany(RoadGraph graph) {
        this.graph = graph;
        this.spaces = new SearchSpaces(graph.nodeCount());
    }

    /**
     * The least-weight path to each destination, in order; null where a destination is unreachable
     * or beyond {@code maxWeight}.
     */
    public EdgePath[] search(EdgeWeights w, Snap from, List<Snap> targets, long maxWeight) {
        SearchSpace space = spaces.acquire();
        try {
            return run(space, w, from, targets, maxWeight);
        } finally {
            spaces.release(space);
        }
    }

    private EdgePath[] run(SearchSpace space, EdgeWeights w, Snap from, List<Snap> targets, long maxWeight) {
        int k = targets.size();
        long[] best = new long[k];
        int[] bestArrival = new int[k];
        EdgePath[] paths = new EdgePath[k];
        Endpoints.Ends[] arrivals = new Endpoints.Ends[k];
        for (int i = 0; i < k; i++) {
            Snap to = targets.get(i);
            arrivals[i] = Endpoints.arrivals(graph, w, to);
            EdgePath direct = Endpoints.direct(w, from, to);
            paths[i] = direct != null && direct.weight() <= maxWeight ? direct : null;
            best[i] = paths[i] == null ? Long.MAX_VALUE : direct.weight();
            bestArrival[i] = -1;
        }
        space.begin();
        Endpoints.seed(graph, w, from, space);
        IntMinHeap heap = space.heap;
        int open = k;
        while (!heap.isEmpty() && open > 0 && heap.peekKey() <= maxWeight) {
            int u = heap.poll();
            int wu = space.weight[u];
            for (int i = 0; i < k; i++) {
                Endpoints.Ends a = arrivals[i];
                for (int j = 0; j < a.size; j++) {
                    long cand = (long) wu + a.cost[j];
                    if (a.node[j] == u && cand < best[i] && cand <= maxWeight) {
                        best[i] = cand;
                        bestArrival[i] = j;
                    }
                }
            }
            open = countOpen(best, wu);
            relax(space, w, u, wu);
        }
        for (int i = 0; i < k; i++) {
            if (bestArrival[i] >= 0) {
                paths[i] = Endpoints.unwind(graph, space, arrivals[i], bestArrival[i], from, targets.get(i), best[i]);
            }
        }
        return paths;
    }

    /** Destinations whose best path could still improve once nodes of weight {@code settled} are done. */
    private static int countOpen(long[] best, int settled) {
        int open = 0;
        for (long b : best) {
            if (b > settled) {
                open++;
            }
        }
        return open;
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
