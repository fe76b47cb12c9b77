package de.parkleit.routing.search;

import de.parkleit.routing.graph.IntArrayList;
import de.parkleit.routing.graph.Snap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Queries on a customized hierarchy ({@link CchMetric}) by elimination-tree search: from each end,
 * walk up the elimination tree relaxing upward arcs (no priority queue), then meet at the common
 * ancestor with the least sum; shortcuts are unpacked into original edges. One to many runs the
 * origin's walk once and one short walk per destination. Thread-safe (pooled per-search state).
 */
public final class CchSearch {

    private final CchTopology topology;
    private final ConcurrentLinkedDeque<Space> idle = new ConcurrentLinkedDeque<>();

    /** Per-search state: one walk's tentative weights and parent arcs, by rank. */
    static final class Space {
        final Walk forward;
        final Walk backward;

        Space(int n) {
            forward = new Walk(n);
            backward = new Walk(n);
        }
    }

    static final class Walk {
        final int[] dist;
        final int[] parent;
        final int[] stamp;
        final IntArrayList visited = new IntArrayList(256);
        int current;

        Walk(int n) {
            dist = new int[n];
            parent = new int[n];
            stamp = new int[n];
        }

        void begin() {
            visited.clear();
            current++;
            if (current == Integer.MAX_VALUE) {
                java.util.Arrays.fill(stamp, 0);
                current = 1;
            }
        }

        int dist(int r) {
            return stamp[r] == current ? dist[r] : CchMetric.INF;
        }

        void set(int r, int d, int p) {
            stamp[r] = current;
            dist[r] = d;
            parent[r] = p;
        }
    }

    public CchSearch(CchTopology topology) {
        this.topology = topology;
    }

    public Optional<EdgePath> route(CchMetric metric, Snap from, Snap to) {
        check(metric);
        Space space = acquire();
        try {
            Endpoints.Ends dep = Endpoints.departures(topology.graph(), metric.weights(), from);
            Endpoints.Ends arr = Endpoints.arrivals(topology.graph(), metric.weights(), to);
            walk(metric, space.forward, dep, true);
            walk(metric, space.backward, arr, false);
            return Optional.ofNullable(best(metric, space, Endpoints.direct(metric.weights(), from, to), from, to));
        } finally {
            idle.offerFirst(space);
        }
    }

    /** The least-weight path to each target, in order; null where unreachable or beyond {@code maxWeight}. */
    public EdgePath[] oneToMany(CchMetric metric, Snap from, List<Snap> targets, long maxWeight) {
        check(metric);
        Space space = acquire();
        try {
            walk(metric, space.forward, Endpoints.departures(topology.graph(), metric.weights(), from), true);
            EdgePath[] paths = new EdgePath[targets.size()];
            for (int i = 0; i < paths.length; i++) {
                Snap to = targets.get(i);
                walk(metric, space.backward, Endpoints.arrivals(topology.graph(), metric.weights(), to), false);
                EdgePath p = best(metric, space, Endpoints.direct(metric.weights(), from, to), from, to);
                paths[i] = p != null && p.weight() <= maxWeight ? p : null;
            }
            return paths;
        } finally {
            idle.offerFirst(space);
        }
    }

    private void check(CchMetric metric) {
        if (metric.topology() != topology) {
            throw new IllegalArgumentException("metric was customized for another hierarchy");
        }
    }

    private Space acquire() {
        Space s = idle.pollFirst();
        return s != null ? s : new Space(topology.nodeCount());
    }

    /** Seeds a walk with the ends of one snap and relaxes up the elimination tree to the root. */
    private void walk(CchMetric metric, Walk walk, Endpoints.Ends ends, boolean forward) {
        walk.begin();
        int[] cur = new int[ends.size];
        for (int i = 0; i < ends.size; i++) {
            int r = topology.rank(ends.node[i]);
            if (ends.cost[i] < walk.dist(r)) {
                walk.set(r, ends.cost[i], ends.edge[i] < 0 ? Endpoints.ORIGIN_NODE : -2 - ends.edge[i]);
            }
            cur[i] = r;
        }
        int[] weight = forward ? metric.up : metric.down;
        while (true) {
            int v = Integer.MAX_VALUE;
            for (int c : cur) {
                if (c >= 0 && c < v) {
                    v = c;
                }
            }
            if (v == Integer.MAX_VALUE) {
                return;
            }
            for (int i = 0; i < cur.length; i++) {
                if (cur[i] == v) {
                    cur[i] = topology.parent(v);
                }
            }
            walk.visited.add(v);
            int dv = walk.dist(v);
            if (dv >= CchMetric.INF) {
                continue;
            }
            int end = topology.firstArc(v + 1);
            for (int a = topology.firstArc(v); a < end; a++) {
                int h = topology.arcHead(a);
                int nd = dv + weight[a];
                if (nd < walk.dist(h)) {
                    walk.set(h, nd, a);
                }
            }
        }
    }

    private EdgePath best(CchMetric metric, Space space, EdgePath direct, Snap from, Snap to) {
        long best = direct == null ? Long.MAX_VALUE : direct.weight();
        int meet = -1;
        Walk f = space.forward;
        Walk b = space.backward;
        for (int i = 0; i < b.visited.size(); i++) {
            int v = b.visited.get(i);
            long sum = (long) f.dist(v) + b.dist(v);
            if (sum < best && f.dist(v) < CchMetric.INF && b.dist(v) < CchMetric.INF) {
                best = sum;
                meet = v;
            }
        }
        return meet < 0 ? direct : new CchUnpacker(topology, metric).path(f, b, meet, from, to, best);
    }
}
