package de.parkleit.routing.search;

import de.parkleit.routing.graph.IntArrayList;
import de.parkleit.routing.graph.RoadGraph;
import java.util.Arrays;

/**
 * The metric-independent part of a customizable contraction hierarchy (Dibbelt, Strasser,
 * Wagner 2016): nodes ranked by {@link NestedDissection}, every node contracted in rank order
 * with all fill-in arcs (no witness search, so the arcs stay valid for any weights), stored as
 * upward arcs in forward-star order by rank, plus the elimination tree. Built once per graph;
 * weights come in later through {@link CchMetric}. Immutable and thread-safe.
 */
public final class CchTopology {

    private final RoadGraph graph;
    private final int[] rank;
    private final int[] nodeAt;
    private final int[] firstArc;
    private final int[] arcHead;
    private final int[] arcTail;
    private final int[] parent;
    /** Per original edge: arc id * 2 + 1 if it runs upward (tail ranked lower), arc id * 2 if downward. */
    private final int[] edgeArc;

    public CchTopology(RoadGraph graph) {
        this(graph, NestedDissection.ranks(graph));
    }

    CchTopology(RoadGraph graph, int[] rank) {
        this.graph = graph;
        this.rank = rank;
        int n = graph.nodeCount();
        nodeAt = new int[n];
        for (int v = 0; v < n; v++) {
            nodeAt[rank[v]] = v;
        }
        int[][] up = contract(n);
        firstArc = new int[n + 1];
        for (int r = 0; r < n; r++) {
            firstArc[r + 1] = firstArc[r] + up[r].length;
        }
        arcHead = new int[firstArc[n]];
        arcTail = new int[firstArc[n]];
        parent = new int[n];
        for (int r = 0; r < n; r++) {
            System.arraycopy(up[r], 0, arcHead, firstArc[r], up[r].length);
            Arrays.fill(arcTail, firstArc[r], firstArc[r + 1], r);
            parent[r] = up[r].length == 0 ? -1 : up[r][0];
        }
        edgeArc = new int[graph.edgeCount()];
        for (int e = 0; e < graph.edgeCount(); e++) {
            int a = rank[graph.tail(e)];
            int b = rank[graph.head(e)];
            edgeArc[e] = a < b ? arc(a, b) * 2 + 1 : arc(b, a) * 2;
        }
    }

    /** Upward neighbours (by rank, ascending) of every rank after contraction with full fill-in. */
    private int[][] contract(int n) {
        int[][] adjacency = NestedDissection.undirected(graph);
        IntArrayList[] up = new IntArrayList[n];
        for (int r = 0; r < n; r++) {
            up[r] = new IntArrayList(4);
        }
        for (int v = 0; v < n; v++) {
            for (int w : adjacency[v]) {
                if (rank[w] > rank[v]) {
                    up[rank[v]].add(rank[w]);
                }
            }
        }
        int[][] result = new int[n][];
        for (int r = 0; r < n; r++) {
            int[] u = sortedUnique(up[r].toArray());
            up[r] = null;
            result[r] = u;
            if (u.length > 1) {
                IntArrayList p = up[u[0]];
                for (int i = 1; i < u.length; i++) {
                    p.add(u[i]);
                }
            }
        }
        return result;
    }

    private static int[] sortedUnique(int[] a) {
        Arrays.sort(a);
        int u = 0;
        for (int i = 0; i < a.length; i++) {
            if (i == 0 || a[i] != a[i - 1]) {
                a[u++] = a[i];
            }
        }
        return Arrays.copyOf(a, u);
    }

    public RoadGraph graph() {
        return graph;
    }

    public int nodeCount() {
        return nodeAt.length;
    }

    public int arcCount() {
        return arcHead.length;
    }

    public int rank(int node) {
        return rank[node];
    }

    public int nodeAt(int rank) {
        return nodeAt[rank];
    }

    int firstArc(int r) {
        return firstArc[r];
    }

    int arcHead(int arc) {
        return arcHead[arc];
    }

    int arcTail(int arc) {
        return arcTail[arc];
    }

    /** Elimination-tree parent of a rank (its lowest upward neighbour), or -1 at a root. */
    int parent(int r) {
        return parent[r];
    }

    int edgeArc(int edge) {
        return edgeArc[edge];
    }

    /** The arc from rank {@code lo} up to rank {@code hi}; it exists for every pair in one lower triangle. */
    int arc(int lo, int hi) {
        int i = Arrays.binarySearch(arcHead, firstArc[lo], firstArc[lo + 1], hi);
        if (i < 0) {
            throw new IllegalStateException("no arc " + lo + " -> " + hi);
        }
        return i;
    }

    /** Height of the elimination tree: the most nodes an upward search can visit. */
    public int treeHeight() {
        int[] depth = new int[nodeAt.length];
        int max = 0;
        for (int r = nodeAt.length - 1; r >= 0; r--) {
            depth[r] = parent[r] < 0 ? 1 : depth[parent[r]] + 1;
            max = Math.max(max, depth[r]);
        }
        return max;
    }
}
