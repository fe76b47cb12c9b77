package de.parkleit.routing.graph;

import java.util.Arrays;

/** Strongly connected components of a directed graph in forward-star form (iterative Tarjan). */
final class StronglyConnected {

    private final int[] firstOut;
    private final int[] head;
    private final int[] index;
    private final int[] low;
    private final int[] comp;
    private final int[] iter;
    private final int[] stack;
    private final int[] calls;
    private final boolean[] onStack;
    private int counter;
    private int sp;
    private int cp;
    private int components;

    private StronglyConnected(int[] firstOut, int[] head) {
        int n = firstOut.length - 1;
        this.firstOut = firstOut;
        this.head = head;
        index = new int[n];
        low = new int[n];
        comp = new int[n];
        iter = new int[n];
        stack = new int[n];
        calls = new int[n];
        onStack = new boolean[n];
        Arrays.fill(index, -1);
    }

    /**
     * Component id per node; ids are dense from 0.
     *
     * @param firstOut n + 1 offsets into {@code head}
     */
    static int[] components(int[] firstOut, int[] head) {
        StronglyConnected scc = new StronglyConnected(firstOut, head);
        for (int s = 0; s < firstOut.length - 1; s++) {
            if (scc.index[s] < 0) {
                scc.search(s);
            }
        }
        return scc.comp;
    }

    private void open(int v) {
        index[v] = low[v] = counter++;
        stack[sp++] = v;
        onStack[v] = true;
        calls[cp++] = v;
        iter[v] = firstOut[v];
    }

    private void search(int s) {
        open(s);
        while (cp > 0) {
            int v = calls[cp - 1];
            if (iter[v] < firstOut[v + 1]) {
                int w = head[iter[v]++];
                if (index[w] < 0) {
                    open(w);
                } else if (onStack[w]) {
                    low[v] = Math.min(low[v], index[w]);
                }
            } else {
                close(v);
            }
        }
    }

    private void close(int v) {
        cp--;
        if (low[v] == index[v]) {
            int w;
            do {
                w = stack[--sp];
                onStack[w] = false;
                comp[w] = components;
            } while (w != v);
            components++;
        }
        if (cp > 0) {
            int u = calls[cp - 1];
            low[u] = Math.min(low[u], low[v]);
        }
    }

    /** The id of the component with most nodes. */
    static int largest(int[] comp) {
        int max = 0;
        for (int c : comp) {
            max = Math.max(max, c);
        }
        int[] size = new int[max + 1];
        for (int c : comp) {
            size[c]++;
        }
        int best = 0;
        for (int c = 1; c < size.length; c++) {
            if (size[c] > size[best]) {
                best = c;
            }
        }
        return best;
    }
}
