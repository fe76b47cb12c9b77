package de.parkleit.routing.osm;

import de.parkleit.routing.graph.EarthDistance;
import de.parkleit.routing.graph.IntArrayList;
import de.parkleit.routing.graph.LongArrayList;
import de.parkleit.routing.graph.RoadGraph;
import de.parkleit.routing.graph.RoadGraphBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the {@link RoadGraph} of one travel mode from an OSM PBF extract in two passes: the ways
 * the {@link WayRules} accept (their node references are counted to find junctions), then the
 * positions of those nodes. Ways are cut at junctions, at their ends and where they leave the
 * extract; the nodes in between become segment geometry. A barrier node the mode cannot pass
 * ends the segments on both sides without joining them. Only the largest strongly connected
 * component is kept.
 */
public final class OsmGraphImporter {

    /** A built graph with what the import saw and dropped. */
    public record Imported(RoadGraph graph, int waysUsed, int droppedNodes, int droppedEdges, double droppedNodeShare,
                           long millis) {
    }

    private final WayRules rules;

    public OsmGraphImporter(WayRules rules) {
        this.rules = rules;
    }

    public Imported read(Path pbf) {
        long t0 = System.nanoTime();
        OsmPbfReader reader = new OsmPbfReader(pbf);
        LongArrayList wayIds = new LongArrayList(1 << 14);
        List<WayRule> wayRules = new ArrayList<>();
        IntArrayList wayFirstRef = new IntArrayList(1 << 14);
        LongArrayList refs = new LongArrayList(1 << 16);
        reader.readWays((id, nodeRefs, tags) -> {
            if (nodeRefs.length < 2 || !tags.containsKey("highway")) {
                return;
            }
            WayRule rule = rules.evaluate(tags);
            if (rule != null) {
                wayIds.add(id);
                wayRules.add(rule);
                wayFirstRef.add(refs.size());
                for (long r : nodeRefs) {
                    refs.add(r);
                }
            }
        });
        wayFirstRef.add(refs.size());
        NodeTable nodes = new NodeTable(refs.toArray());
        reader.readNodes((id, lat, lon, tags) -> nodes.position(id, lat, lon, !tags.isEmpty() && rules.blocksAt(tags)));
        RoadGraphBuilder builder = new RoadGraphBuilder(rules.mode());
        nodes.markJunctions(wayFirstRef);
        SegmentCutter cutter = new SegmentCutter(nodes, builder);
        for (int w = 0; w < wayRules.size(); w++) {
            cutter.cut(wayIds.get(w), wayRules.get(w), wayFirstRef.get(w), wayFirstRef.get(w + 1));
        }
        RoadGraphBuilder.Result result = builder.build(true);
        return new Imported(result.graph(), wayRules.size(), result.droppedNodes(), result.droppedEdges(),
                result.droppedNodeShare(), (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * The OSM nodes the accepted ways use: sorted ids, positions, how often each is referenced,
     * and the graph node each junction became.
     */
    static final class NodeTable {
        final long[] ids;
        final int[] refIndex;
        final int[] lat;
        final int[] lon;
        final boolean[] known;
        final boolean[] barrier;
        final int[] uses;
        final int[] graphNode;

        NodeTable(long[] refs) {
            long[] sorted = refs.clone();
            Arrays.sort(sorted);
            int u = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[u++] = sorted[i];
                }
            }
            ids = Arrays.copyOf(sorted, u);
            refIndex = new int[refs.length];
            uses = new int[u];
            for (int i = 0; i < refs.length; i++) {
                refIndex[i] = Arrays.binarySearch(ids, refs[i]);
                uses[refIndex[i]]++;
            }
            lat = new int[u];
            lon = new int[u];
            known = new boolean[u];
            barrier = new boolean[u];
            graphNode = new int[u];
            Arrays.fill(graphNode, -1);
        }

        void position(long id, double latDeg, double lonDeg, boolean blocks) {
            int i = Arrays.binarySearch(ids, id);
            if (i >= 0) {
                barrier[i] = blocks;
                lat[i] = (int) Math.round(latDeg * 1e7);
                lon[i] = (int) Math.round(lonDeg * 1e7);
                known[i] = true;
            }
        }

        /** Way ends and the neighbours of nodes missing from the extract become junctions too. */
        void markJunctions(IntArrayList wayFirstRef) {
            for (int w = 0; w + 1 < wayFirstRef.size(); w++) {
                int first = wayFirstRef.get(w);
                int last = wayFirstRef.get(w + 1) - 1;
                uses[refIndex[first]] += 2;
                uses[refIndex[last]] += 2;
                for (int r = first; r <= last; r++) {
                    if (!known[refIndex[r]]) {
                        if (r > first) {
                            uses[refIndex[r - 1]] += 2;
                        }
                        if (r < last) {
                            uses[refIndex[r + 1]] += 2;
                        }
                    }
                }
            }
        }

        boolean isJunction(int node) {
            return uses[node] >= 2 || barrier[node];
        }

        /** The graph node of an OSM node; a barrier gets a new one for each segment ending there. */
        int graphNode(int node, RoadGraphBuilder builder) {
            if (barrier[node]) {
                return builder.addNode(lat[node], lon[node]);
            }
            if (graphNode[node] < 0) {
                graphNode[node] = builder.addNode(lat[node], lon[node]);
            }
            return graphNode[node];
        }
    }

    /** Cuts one way into segments between junctions and adds their edges. */
    static final class SegmentCutter {
        private final NodeTable nodes;
        private final RoadGraphBuilder builder;
        private int[] pLat = new int[64];
        private int[] pLon = new int[64];

        SegmentCutter(NodeTable nodes, RoadGraphBuilder builder) {
            this.nodes = nodes;
            this.builder = builder;
        }

        void cut(long wayId, WayRule rule, int firstRef, int endRef) {
            int start = -1;
            for (int r = firstRef; r < endRef; r++) {
                int node = nodes.refIndex[r];
                if (!nodes.known[node]) {
                    start = -1;
                } else if (start < 0) {
                    start = r;
                } else if (nodes.isJunction(node)) {
                    emit(wayId, rule, start, r);
                    start = r;
                }
            }
        }

        private void emit(long wayId, WayRule rule, int from, int to) {
            int a = nodes.refIndex[from];
            int b = nodes.refIndex[to];
            if (a == b) {
                if (to - from >= 2) {
                    int mid = (from + to) / 2;
                    nodes.uses[nodes.refIndex[mid]] += 2;
                    emit(wayId, rule, from, mid);
                    emit(wayId, rule, mid, to);
                }
                return;
            }
            int pillars = to - from - 1;
            if (pLat.length < pillars) {
                pLat = new int[pillars * 2];
                pLon = new int[pillars * 2];
            }
            double meters = 0;
            for (int r = from + 1; r <= to; r++) {
                int p = nodes.refIndex[r - 1];
                int q = nodes.refIndex[r];
                meters += EarthDistance.metersE7(nodes.lat[p], nodes.lon[p], nodes.lat[q], nodes.lon[q]);
                if (r < to) {
                    pLat[r - from - 1] = nodes.lat[q];
                    pLon[r - from - 1] = nodes.lon[q];
                }
            }
            int segment = builder.addSegment(wayId, nodes.graphNode(a, builder), nodes.graphNode(b, builder),
                    pLat, pLon, pillars);
            int cm = (int) Math.round(meters * 100);
            if (rule.forward()) {
                builder.addEdge(segment, false, cm, millis(meters, rule.forwardKmh()), rule.roadClass());
            }
            if (rule.backward()) {
                builder.addEdge(segment, true, cm, millis(meters, rule.backwardKmh()), rule.roadClass());
            }
        }

        private static int millis(double meters, double kmh) {
            return (int) Math.round(meters * 3600.0 / kmh);
        }
    }
}
