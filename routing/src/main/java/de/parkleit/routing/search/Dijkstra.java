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
    public Optional<Path> route(EdgeWeights weights, Snap from, Snap to) {
        SearchSpace space = spaces.acquire();
        try {
            return search(space, weights, from, to);
        } finally {
            spaces.release(space);
        }
    }

    private Optional<Path> search(SearchSpace space, EdgeWeights w, Snap from, Snap to) {
        int[] directEdge = new int[1];
        long best = Endpoints.direct(w, from, to, directEdge);
        Path bestPath = best < 0 ? null : new Path(new int[] {directEdge[0]}, from.fractionOn(directEdge[0]),
                to.fractionOn(directEdge[0]), best);
        if (best < 0) {
            best = Long.MAX_VALUE;
        }
        int[] arrivalEdge = {to.forwardEdge(), to.backwardEdge()};
        int[] arrivalNode = new int[2];
        int[] arrivalCost = new int[2];
        for (int i = 0; i < 2; i++) {
            if (arrivalEdge[i] >= 0) {
                arrivalNode[i] = graph.tail(arrivalEdge[i]);
                arrivalCost[i] = Endpoints.partial(w.get(arrivalEdge[i]), to.fractionOn(arrivalEdge[i]));
            } else {
                arrivalNode[i] = -1;
            }
        }
        space.begin();
        Endpoints.seed(graph, w, from, space);
        IntMinHeap heap = space.heap;
        int bestArrival = -1;
        while (!heap.isEmpty() && heap.peekKey() < best) {
            int u = heap.poll();
            int wu = space.weight[u];
            for (int i = 0; i < 2; i++) {
                if (arrivalNode[i] == u && (long) wu + arrivalCost[i] < best) {
                    best = (long) wu + arrivalCost[i];
                    bestArrival = i;
                }
            }
            relax(space, w, u, wu);
        }
        if (bestArrival >= 0) {
            bestPath = unwind(space, arrivalEdge[bestArrival], from, to, best);
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

    private Path unwind(SearchSpace space, int lastEdge, Snap from, Snap to, long weight) {
        de.parkleit.routing.graph.IntArrayList edges = new de.parkleit.routing.graph.IntArrayList();
        edges.add(lastEdge);
        int node = graph.tail(lastEdge);
        int p = space.parent[node];
        while (!Endpoints.isOriginMarker(p)) {
            edges.add(p);
            node = graph.tail(p);
            p = space.parent[node];
        }
        edges.add(Endpoints.originEdge(p));
        int n = edges.size();
        int[] ordered = new int[n];
        for (int i = 0; i < n; i++) {
            ordered[i] = edges.get(n - 1 - i);
        }
        return new Path(ordered, from.fractionOn(ordered[0]), to.fractionOn(ordered[n - 1]), weight);
    }
}
