package de.parkleit.routing.search;

import java.util.Arrays;

/**
 * A small balanced vertex separator of a connected cell by inertial flow (Schild, Sommer 2015):
 * nodes are ordered along a direction, the first and last quarter become source and sink, and a
 * minimum vertex cut between them is found by unit-capacity max flow (Edmonds–Karp on the
 * node-split graph). Road networks have few roads across rivers and railways, so the cut follows
 * such bottlenecks instead of a straight line.
 */
final class InertialFlowCut {

    private static final int INF = Integer.MAX_VALUE / 2;
    private static final double TERMINAL_SHARE = 0.25;

    /** Residual graph: node 2i = in-copy of local node i, 2i + 1 = out-copy; then source, sink. */
    private final int[] first;
    private final int[] head;
    private final int[] cap;
    private final int[] reverse;
    private final int source;
    private final int sink;
    private final int n;

    /**
     * @param local    local adjacency of the cell (indices 0..n-1)
     * @param sorted   local node indices ordered along the direction
     */
    InertialFlowCut(int[][] local, int[] sorted) {
        n = local.length;
        int terminals = Math.max(1, (int) (n * TERMINAL_SHARE));
        boolean[] isSource = new boolean[n];
        boolean[] isSink = new boolean[n];
        for (int i = 0; i < terminals; i++) {
            isSource[sorted[i]] = true;
            isSink[sorted[n - 1 - i]] = true;
        }
        source = 2 * n;
        sink = 2 * n + 1;
        int arcs = 0;
        for (int v = 0; v < n; v++) {
            arcs += 2 + 2 * local[v].length + (isSource[v] ? 2 : 0) + (isSink[v] ? 2 : 0);
        }
        int[] tailOf = new int[arcs];
        int[] headOf = new int[arcs];
        int[] capOf = new int[arcs];
        int a = 0;
        for (int v = 0; v < n; v++) {
            a = pair(tailOf, headOf, capOf, a, 2 * v, 2 * v + 1, 1);
            for (int w : local[v]) {
                a = pair(tailOf, headOf, capOf, a, 2 * v + 1, 2 * w, INF);
            }
            if (isSource[v]) {
                a = pair(tailOf, headOf, capOf, a, source, 2 * v, INF);
            }
            if (isSink[v]) {
                a = pair(tailOf, headOf, capOf, a, 2 * v + 1, sink, INF);
            }
        }
        first = new int[2 * n + 3];
        head = new int[a];
        cap = new int[a];
        reverse = new int[a];
        toForwardStar(tailOf, headOf, capOf, a);
    }

    private void toForwardStar(int[] tailOf, int[] headOf, int[] capOf, int a) {
        int[] degree = new int[2 * n + 2];
        for (int i = 0; i < a; i++) {
            degree[tailOf[i]]++;
        }
        for (int i = 0; i < 2 * n + 2; i++) {
            first[i + 1] = first[i] + degree[i];
        }
        int[] pos = Arrays.copyOf(first, 2 * n + 2);
        int[] where = new int[a];
        for (int i = 0; i < a; i++) {
            where[i] = pos[tailOf[i]]++;
        }
        for (int i = 0; i < a; i++) {
            head[where[i]] = headOf[i];
            cap[where[i]] = capOf[i];
            reverse[where[i]] = where[i ^ 1];
        }
    }

    private static int pair(int[] t, int[] h, int[] c, int a, int from, int to, int capacity) {
        t[a] = from;
        h[a] = to;
        c[a] = capacity;
        t[a + 1] = to;
        h[a + 1] = from;
        c[a + 1] = 0;
        return a + 2;
    }

    /**
     * Runs the max flow, giving up once it exceeds {@code limit}. Returns per local node 0 (source
     * side), 1 (sink side) or 2 (separator), or null if the cut is larger than {@code limit}.
     */
    int[] cut(int limit) {
        int[] parentArc = new int[2 * n + 2];
        int[] queue = new int[2 * n + 2];
        int flow = 0;
        while (true) {
            Arrays.fill(parentArc, -1);
            if (!bfs(parentArc, queue)) {
                break;
            }
            for (int v = sink; v != source; v = head[reverse[parentArc[v]]]) {
                int arc = parentArc[v];
                cap[arc] -= 1;
                cap[reverse[arc]] += 1;
            }
            if (++flow > limit) {
                return null;
            }
        }
        return sides(parentArc);
    }

    private boolean bfs(int[] parentArc, int[] queue) {
        int qh = 0;
        int qt = 0;
        queue[qt++] = source;
        parentArc[source] = -2;
        while (qh < qt) {
            int u = queue[qh++];
            for (int arc = first[u]; arc < first[u + 1]; arc++) {
                int v = head[arc];
                if (cap[arc] > 0 && parentArc[v] == -1) {
                    parentArc[v] = arc;
                    if (v == sink) {
                        return true;
                    }
                    queue[qt++] = v;
                }
            }
        }
        return false;
    }

    /** After the last failed search, parentArc marks what the source still reaches. */
    private int[] sides(int[] reached) {
        int[] side = new int[n];
        for (int v = 0; v < n; v++) {
            boolean in = reached[2 * v] != -1;
            boolean out = reached[2 * v + 1] != -1;
            side[v] = in && !out ? 2 : in ? 0 : 1;
        }
        return side;
    }
}
