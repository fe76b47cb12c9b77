package de.parkleit.routing.search;

import de.parkleit.routing.graph.IntArrayList;
import de.parkleit.routing.graph.Snap;

/** Turns the two half paths of a hierarchy search into original edges, shortcuts unpacked. */
final class CchUnpacker {

    private final CchTopology topology;
    private final CchMetric metric;

    CchUnpacker(CchTopology topology, CchMetric metric) {
        this.topology = topology;
        this.metric = metric;
    }

    EdgePath path(CchSearch.Walk forward, CchSearch.Walk backward, int meet, Snap from, Snap to, long weight) {
        IntArrayList upArcs = new IntArrayList();
        int v = meet;
        int p = forward.parent[v];
        while (p >= 0) {
            upArcs.add(p);
            v = topology.arcTail(p);
            p = forward.parent[v];
        }
        int originEdge = p == Endpoints.ORIGIN_NODE ? -1 : -2 - p;
        IntArrayList edges = new IntArrayList();
        if (originEdge >= 0) {
            edges.add(originEdge);
        }
        for (int i = upArcs.size() - 1; i >= 0; i--) {
            unpack(upArcs.get(i), true, edges);
        }
        v = meet;
        p = backward.parent[v];
        while (p >= 0) {
            unpack(p, false, edges);
            v = topology.arcTail(p);
            p = backward.parent[v];
        }
        int arrivalEdge = p == Endpoints.ORIGIN_NODE ? -1 : -2 - p;
        if (arrivalEdge >= 0) {
            edges.add(arrivalEdge);
        }
        int[] e = edges.toArray();
        if (e.length == 0) {
            return new EdgePath(e, 0, 0, weight);
        }
        return new EdgePath(e, originEdge >= 0 ? from.fractionOn(e[0]) : 0, arrivalEdge >= 0 ? to.fractionOn(e[e.length - 1]) : 1,
                weight);
    }

    /** Appends the original edges of an arc travelled upward (lower to upper end) or downward. */
    private void unpack(int arc, boolean upward, IntArrayList out) {
        IntArrayList stack = new IntArrayList(16);
        stack.add(arc << 1 | (upward ? 1 : 0));
        while (stack.size() > 0) {
            int top = stack.removeLast();
            int a = top >>> 1;
            boolean up = (top & 1) != 0;
            int via = up ? metric.upVia[a] : metric.downVia[a];
            if (via < 0) {
                out.add(up ? metric.upEdge[a] : metric.downEdge[a]);
                continue;
            }
            int lo = topology.arcTail(a);
            int hi = topology.arcHead(a);
            int toLo = topology.arc(via, lo);
            int toHi = topology.arc(via, hi);
            if (up) {
                stack.add(toHi << 1 | 1);
                stack.add(toLo << 1);
            } else {
                stack.add(toLo << 1 | 1);
                stack.add(toHi << 1);
            }
        }
    }
}
