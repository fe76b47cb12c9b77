package de.parkleit.routing.search;

import de.parkleit.routing.graph.IntArrayList;
import de.parkleit.routing.graph.RoadGraph;
import java.util.Arrays;

/**
 * A metric-independent contraction order by nested dissection: a cell is split by the smallest of
 * four {@link InertialFlowCut}s (north, east and both diagonals; small cells at the geometric
 * median with the smaller side of the cut as separator), the separator is ranked above both
 * halves, which are ordered recursively; disconnected parts of a cell are ordered independently. Road networks
 * have small such separators, which keeps the contraction hierarchy built on this order flat.
 */
public final class NestedDissection {

    private static final int LEAF = 4;
    /** Cells this large are cut by inertial flow, smaller ones at the geometric median. */
    private static final int FLOW_MIN = 48;
    private final int[][] adjacency;
    private final double[] x;
    private final double[] y;
    private final int[] mark;
    private final int[] localIndex;
    private int stamp;
    private final int[] order;
    private int next;

    private NestedDissection(RoadGraph g) {
        int n = g.nodeCount();
        adjacency = undirected(g);
        x = new double[n];
        y = new double[n];
        double cos = Math.cos(Math.toRadians(n == 0 ? 0 : g.lat(0)));
        for (int v = 0; v < n; v++) {
            x[v] = g.lon(v) * cos;
            y[v] = g.lat(v);
        }
        mark = new int[n];
        localIndex = new int[n];
        order = new int[n];
    }

    /** Rank per node: 0 is contracted first, {@code n - 1} last. */
    public static int[] ranks(RoadGraph g) {
        NestedDissection nd = new NestedDissection(g);
        int[] all = new int[g.nodeCount()];
        for (int v = 0; v < all.length; v++) {
            all[v] = v;
        }
        nd.dissect(all);
        int[] rank = new int[all.length];
        for (int r = 0; r < nd.order.length; r++) {
            rank[nd.order[r]] = r;
        }
        return rank;
    }

    static int[][] undirected(RoadGraph g) {
        int n = g.nodeCount();
        IntArrayList[] nb = new IntArrayList[n];
        for (int v = 0; v < n; v++) {
            nb[v] = new IntArrayList(4);
        }
        for (int e = 0; e < g.edgeCount(); e++) {
            nb[g.tail(e)].add(g.head(e));
            nb[g.head(e)].add(g.tail(e));
        }
        int[][] adj = new int[n][];
        for (int v = 0; v < n; v++) {
            int[] a = nb[v].toArray();
            Arrays.sort(a);
            int u = 0;
            for (int i = 0; i < a.length; i++) {
                if ((i == 0 || a[i] != a[i - 1]) && a[i] != v) {
                    a[u++] = a[i];
                }
            }
            adj[v] = Arrays.copyOf(a, u);
        }
        return adj;
    }

    /** Appends the cell's nodes to the order: both halves first, the separator last. */
    private void dissect(int[] cell) {
        if (cell.length <= LEAF) {
            for (int v : cell) {
                order[next++] = v;
            }
            return;
        }
        int[][] parts = components(cell);
        if (parts.length > 1) {
            for (int[] p : parts) {
                dissect(p);
            }
            return;
        }
        int[][] split = bestSplit(cell);
        dissect(split[0]);
        dissect(split[1]);
        for (int v : split[2]) {
            order[next++] = v;
        }
    }

    /** Connected components of the subgraph induced by {@code cell}. */
    private int[][] components(int[] cell) {
        int inCell = ++stamp;
        for (int v : cell) {
            mark[v] = inCell;
        }
        int seen = ++stamp;
        java.util.List<int[]> parts = new java.util.ArrayList<>();
        int[] queue = new int[cell.length];
        for (int s : cell) {
            if (mark[s] != inCell) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            mark[s] = seen;
            while (head < tail) {
                int v = queue[head++];
                for (int w : adjacency[v]) {
                    if (mark[w] == inCell) {
                        mark[w] = seen;
                        queue[tail++] = w;
                    }
                }
            }
            parts.add(Arrays.copyOf(queue, tail));
        }
        return parts.toArray(new int[0][]);
    }

    /** {left, right, separator} for the direction with the smallest separator. */
    private int[][] bestSplit(int[] cell) {
        int[][] best = null;
        double[][] dirs = {{1, 0}, {0, 1}, {1, 1}, {1, -1}};
        int[][] local = cell.length >= FLOW_MIN ? localAdjacency(cell) : null;
        for (double[] d : dirs) {
            int[][] s = local != null ? flowSplit(cell, local, d[0], d[1], best == null ? Integer.MAX_VALUE : best[2].length)
                    : split(cell, d[0], d[1]);
            if (s == null) {
                continue;
            }
            if (best == null || s[2].length < best[2].length
                    || (s[2].length == best[2].length && balance(s) < balance(best))) {
                best = s;
            }
        }
        return best;
    }

    private static int balance(int[][] s) {
        return Math.abs(s[0].length - s[1].length);
    }

    /** The cell's adjacency in local indices (position in {@code cell}). */
    private int[][] localAdjacency(int[] cell) {
        for (int i = 0; i < cell.length; i++) {
            localIndex[cell[i]] = i;
        }
        int inCell = ++stamp;
        for (int v : cell) {
            mark[v] = inCell;
        }
        int[][] local = new int[cell.length][];
        for (int i = 0; i < cell.length; i++) {
            int[] nb = adjacency[cell[i]];
            int c = 0;
            int[] tmp = new int[nb.length];
            for (int w : nb) {
                if (mark[w] == inCell) {
                    tmp[c++] = localIndex[w];
                }
            }
            local[i] = Arrays.copyOf(tmp, c);
        }
        return local;
    }

    /** Inertial-flow split along a direction, or null if its separator exceeds {@code limit}. */
    private int[][] flowSplit(int[] cell, int[][] local, double dx, double dy, int limit) {
        long[] keyed = sortedAlong(cell, dx, dy);
        int[] sorted = new int[cell.length];
        for (int i = 0; i < cell.length; i++) {
            sorted[i] = (int) keyed[i];
        }
        int[] side = new InertialFlowCut(local, sorted).cut(limit);
        if (side == null) {
            return null;
        }
        IntArrayList l = new IntArrayList();
        IntArrayList r = new IntArrayList();
        IntArrayList sep = new IntArrayList();
        for (int i = 0; i < cell.length; i++) {
            (side[i] == 0 ? l : side[i] == 1 ? r : sep).add(cell[i]);
        }
        return new int[][] {l.toArray(), r.toArray(), sep.toArray()};
    }

    /** Local indices sorted by projection on (dx, dy), as {@code key << 32 | index}. */
    private long[] sortedAlong(int[] cell, double dx, double dy) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        double[] proj = new double[cell.length];
        for (int i = 0; i < cell.length; i++) {
            proj[i] = x[cell[i]] * dx + y[cell[i]] * dy;
            min = Math.min(min, proj[i]);
            max = Math.max(max, proj[i]);
        }
        double scale = max > min ? 2e9 / (max - min) : 0;
        long[] keyed = new long[cell.length];
        for (int i = 0; i < cell.length; i++) {
            keyed[i] = (long) ((proj[i] - min) * scale) << 32 | i;
        }
        Arrays.sort(keyed);
        return keyed;
    }

    /** Median split along (dx, dy); the smaller side of the cut edges' ends is the separator. */
    private int[][] split(int[] cell, double dx, double dy) {
        long[] keyed = sortedAlong(cell, dx, dy);
        int half = cell.length / 2;
        int left = ++stamp;
        int right = ++stamp;
        for (int i = 0; i < cell.length; i++) {
            mark[cell[(int) keyed[i]]] = i < half ? left : right;
        }
        IntArrayList leftBoundary = new IntArrayList();
        IntArrayList rightBoundary = new IntArrayList();
        for (int v : cell) {
            boolean boundary = false;
            for (int w : adjacency[v]) {
                if ((mark[v] == left && mark[w] == right) || (mark[v] == right && mark[w] == left)) {
                    boundary = true;
                    break;
                }
            }
            if (boundary) {
                (mark[v] == left ? leftBoundary : rightBoundary).add(v);
            }
        }
        int[] separator = (leftBoundary.size() <= rightBoundary.size() ? leftBoundary : rightBoundary).toArray();
        int sep = ++stamp;
        for (int v : separator) {
            mark[v] = sep;
        }
        IntArrayList l = new IntArrayList(half);
        IntArrayList r = new IntArrayList(cell.length - half);
        for (int v : cell) {
            if (mark[v] == left) {
                l.add(v);
            } else if (mark[v] == right) {
                r.add(v);
            }
        }
        return new int[][] {l.toArray(), r.toArray(), separator};
    }
}
