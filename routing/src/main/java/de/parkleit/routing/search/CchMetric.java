package de.parkleit.routing.search;

import de.parkleit.routing.graph.EdgeWeights;
import java.util.Arrays;

/**
 * One set of {@link EdgeWeights} applied to a {@link CchTopology} ("customization"): every arc's
 * weight upward and downward, first from the original edges, then improved over every lower
 * triangle in rank order, remembering the middle node for unpacking. Takes milliseconds, so it
 * runs on every traffic update; the result is immutable and safe to share between searches.
 */
public final class CchMetric {

    static final int INF = Integer.MAX_VALUE / 2;

    private final CchTopology topology;
    private final EdgeWeights weights;
    /** Weight from the lower to the upper end of each arc, and back. */
    final int[] up;
    final int[] down;
    /** Rank of the middle node of the best lower triangle, or -1 when an original edge is best. */
    final int[] upVia;
    final int[] downVia;
    /** The original edge realising an arc's weight when its via is -1 (or -1 if none). */
    final int[] upEdge;
    final int[] downEdge;

    public CchMetric(CchTopology topology, EdgeWeights weights) {
        this.topology = topology;
        this.weights = weights;
        int m = topology.arcCount();
        up = new int[m];
        down = new int[m];
        upVia = new int[m];
        downVia = new int[m];
        upEdge = new int[m];
        downEdge = new int[m];
        Arrays.fill(up, INF);
        Arrays.fill(down, INF);
        Arrays.fill(upVia, -1);
        Arrays.fill(downVia, -1);
        Arrays.fill(upEdge, -1);
        Arrays.fill(downEdge, -1);
        fromEdges();
        overTriangles();
    }

    public CchTopology topology() {
        return topology;
    }

    public EdgeWeights weights() {
        return weights;
    }

    private void fromEdges() {
        for (int e = 0; e < topology.graph().edgeCount(); e++) {
            int code = topology.edgeArc(e);
            int arc = code >>> 1;
            int w = Math.min(weights.get(e), INF - 1);
            if ((code & 1) != 0) {
                if (w < up[arc]) {
                    up[arc] = w;
                    upEdge[arc] = e;
                }
            } else if (w < down[arc]) {
                down[arc] = w;
                downEdge[arc] = e;
            }
        }
    }

    /** Basic customization: for r in rank order, each pair u < w of r's upper neighbours improves arc (u, w). */
    private void overTriangles() {
        int n = topology.nodeCount();
        for (int r = 0; r < n; r++) {
            int end = topology.firstArc(r + 1);
            for (int i = topology.firstArc(r); i < end; i++) {
                int u = topology.arcHead(i);
                int downI = down[i];
                int upI = up[i];
                if (downI >= INF && upI >= INF) {
                    continue;
                }
                int p = topology.firstArc(u);
                for (int j = i + 1; j < end; j++) {
                    int w = topology.arcHead(j);
                    while (topology.arcHead(p) != w) {
                        p++;
                    }
                    int viaUp = downI + up[j];
                    if (viaUp < up[p]) {
                        up[p] = viaUp;
                        upVia[p] = r;
                    }
                    int viaDown = down[j] + upI;
                    if (viaDown < down[p]) {
                        down[p] = viaDown;
                        downVia[p] = r;
                    }
                }
            }
        }
    }
}
