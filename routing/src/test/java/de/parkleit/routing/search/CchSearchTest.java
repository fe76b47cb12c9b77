package de.parkleit.routing.search;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.routing.graph.EdgeSnapper;
import de.parkleit.routing.graph.EdgeWeights;
import de.parkleit.routing.graph.RoadGraph;
import de.parkleit.routing.graph.Snap;
import de.parkleit.routing.network.TestNetworks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CchSearchTest {

    @Test
    void matchesTheBruteForceOptimumOnRandomGraphs() {
        Random rnd = new Random(11);
        int checked = 0;
        for (int round = 0; round < 20; round++) {
            RoadGraph g = DijkstraTest.randomGraph(rnd, 8);
            EdgeWeights w = rnd.nextBoolean() ? EdgeWeights.freeFlow(g) : EdgeWeights.lengths(g);
            long[][] d = DijkstraTest.allPairs(g, w);
            EdgeSnapper snapper = new EdgeSnapper(g);
            CchTopology topology = new CchTopology(g);
            CchMetric metric = new CchMetric(topology, w);
            CchSearch cch = new CchSearch(topology);
            for (int q = 0; q < 50; q++) {
                Snap from = snap(rnd, snapper);
                Snap to = rnd.nextInt(10) == 0 ? from : snap(rnd, snapper);
                long expected = DijkstraTest.bruteForce(g, w, d, from, to);
                Optional<EdgePath> found = cch.route(metric, from, to);
                if (expected < 0) {
                    assertThat(found).isEmpty();
                    continue;
                }
                assertThat(found).isPresent();
                assertThat(found.get().weight()).isEqualTo(expected);
                assertThat(DijkstraTest.pathWeight(g, w, found.get()))
                        .isBetween(expected - found.get().edges().length - 1, expected + found.get().edges().length + 1);
                DijkstraTest.assertConnected(g, found.get());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(500);
    }

    @Test
    void matchesDijkstraOnHeidelbergBeforeAndAfterATrafficChange() {
        RoadGraph g = TestNetworks.heidelbergCar().graph();
        EdgeSnapper snapper = new EdgeSnapper(g);
        CchTopology topology = new CchTopology(g);
        CchSearch cch = new CchSearch(topology);
        Dijkstra dijkstra = new Dijkstra(g);
        OneToMany oneToMany = new OneToMany(g);
        Random rnd = new Random(12);
        EdgeWeights free = EdgeWeights.freeFlow(g);
        int[] jammed = free.toArray();
        for (int e = 0; e < jammed.length; e++) {
            jammed[e] = rnd.nextInt(5) == 0 ? jammed[e] * (1 + rnd.nextInt(10)) : jammed[e];
        }
        for (EdgeWeights w : List.of(free, EdgeWeights.wrap(jammed, 1, Instant.EPOCH), EdgeWeights.lengths(g))) {
            CchMetric metric = new CchMetric(topology, w);
            for (int q = 0; q < 100; q++) {
                Snap from = snap(rnd, snapper);
                List<Snap> targets = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    targets.add(snap(rnd, snapper));
                }
                EdgePath[] viaCch = cch.oneToMany(metric, from, targets, Long.MAX_VALUE);
                EdgePath[] viaDijkstra = oneToMany.search(w, from, targets, Long.MAX_VALUE);
                for (int i = 0; i < targets.size(); i++) {
                    EdgePath p = viaCch[i];
                    assertThat(p.weight()).isEqualTo(viaDijkstra[i].weight());
                    assertThat(p.weight()).isEqualTo(dijkstra.route(w, from, targets.get(i)).orElseThrow().weight());
                    DijkstraTest.assertConnected(g, p);
                }
            }
        }
        assertThat(topology.treeHeight()).isLessThan(g.nodeCount() / 5);
    }

    private static Snap snap(Random rnd, EdgeSnapper snapper) {
        RoadGraph g = snapper.graph();
        if (rnd.nextInt(4) == 0) {
            int v = rnd.nextInt(g.nodeCount());
            return snapper.snap(g.lat(v), g.lon(v), 1e6).orElseThrow();
        }
        double lat0 = g.lat(0);
        double lon0 = g.lon(0);
        double minLat = 90;
        double maxLat = -90;
        double minLon = 180;
        double maxLon = -180;
        for (int v = 0; v < g.nodeCount(); v += Math.max(1, g.nodeCount() / 200)) {
            minLat = Math.min(minLat, g.lat(v));
            maxLat = Math.max(maxLat, g.lat(v));
            minLon = Math.min(minLon, g.lon(v));
            maxLon = Math.max(maxLon, g.lon(v));
        }
        double lat = minLat + rnd.nextDouble() * (maxLat - minLat + 1e-9);
        double lon = minLon + rnd.nextDouble() * (maxLon - minLon + 1e-9);
        return snapper.snap(Double.isNaN(lat) ? lat0 : lat, Double.isNaN(lon) ? lon0 : lon, 1e6).orElseThrow();
    }
}
