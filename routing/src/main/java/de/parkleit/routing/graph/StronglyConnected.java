package de.parkleit.routing.graph;

import java.util.Arrays;

/** Strongly connected components of a directed graph in forward-star form (iterative Tarjan). */
final class StronglyConnected {

    private StronglyConnected() {
    }

    /**
     * Component id per node; ids are dense from 0.
     *
     * @param firstOut n + 1 offsets into {@code head}
     */
    static int[] components(int[] firstOut, int[] head) {
        int n = firstOut.length - 1;
        int[] index = new int[n];
        int[] low = new int[n];
        int[] comp = new int[n];
        int[] iter = new int[n];
        int[] stack = new int[n];
        int[] calls = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        int counter = 0;
        int sp = 0;
        int components = 0;
        for (int s = 0; s < n; s++) {
            if (index[s] >= 0) {
                continue;
            }
            int cp = 0;
            index[s] = low[s] = counter++;
            stack[sp++] = s;
            onStack[s] = true;
            calls[cp++] = s;
            iter[s] = firstOut[s];
            while (cp > 0) {
                int v = calls[cp - 1];
                if (iter[v] < firstOut[v + 1]) {
                    int w = head[iter[v]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        calls[cp++] = w;
                        iter[w] = firstOut[w];
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
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
        }
        return comp;
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
