package de.parkleit.routing.search;

/**
 * Per-search state sized to a graph: tentative weight and parent edge per node, valid only where
 * {@code stamp} equals the current search's stamp, so a search starts in O(1). One thread at a time.
 */
final class SearchSpace {

    /** Parent marker of a node reached directly from the origin's snap. */
    static final int FROM_ORIGIN = -2;

    final int[] weight;
    final int[] parent;
    final int[] stamp;
    final IntMinHeap heap;
    int current;

    SearchSpace(int nodes) {
        weight = new int[nodes];
        parent = new int[nodes];
        stamp = new int[nodes];
        heap = new IntMinHeap(nodes);
    }

    void begin() {
        heap.clear();
        current++;
        if (current == Integer.MAX_VALUE) {
            java.util.Arrays.fill(stamp, 0);
            current = 1;
        }
    }

    boolean reached(int node) {
        return stamp[node] == current;
    }

    int weightOf(int node) {
        return stamp[node] == current ? weight[node] : Integer.MAX_VALUE;
    }

    /** Records a better tentative weight; returns false if {@code w} is not an improvement. */
    boolean improve(int node, int w, int parentEdge) {
        if (stamp[node] == current && weight[node] <= w) {
            return false;
        }
        stamp[node] = current;
        weight[node] = w;
        parent[node] = parentEdge;
        heap.offer(node, w);
        return true;
    }
}
