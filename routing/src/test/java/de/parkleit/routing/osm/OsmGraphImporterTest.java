package de.parkleit.routing.osm;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.routing.graph.RoadGraph;
import de.parkleit.routing.graph.TravelMode;
import de.parkleit.routing.network.TestNetworks;
import java.util.ArrayDeque;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OsmGraphImporterTest {

    private static OsmGraphImporter.Imported car;

    @BeforeAll
    static void importCut() {
        car = new OsmGraphImporter(WayRules.of(TravelMode.CAR)).read(TestNetworks.heidelbergCut());
    }

    @Test
    void importsTheHeidelbergCentreCutAsACompactGraph() {
        RoadGraph g = car.graph();
        assertThat(g.mode()).isEqualTo(TravelMode.CAR);
        assertThat(car.waysUsed()).isBetween(1500, 2295);
        assertThat(g.nodeCount()).isGreaterThan(1500);
        assertThat(g.edgeCount()).isGreaterThan(g.nodeCount());
        assertThat(car.droppedNodeShare()).isLessThan(0.15);
        for (int v = 0; v < g.nodeCount(); v++) {
            assertThat(g.lat(v)).isBetween(49.38, 49.43);
            assertThat(g.lon(v)).isBetween(8.64, 8.74);
        }
    }

    @Test
    void keepsOnlyAStronglyConnectedCore() {
        RoadGraph g = car.graph();
        assertThat(reachableCount(g, 0, true)).isEqualTo(g.nodeCount());
        assertThat(reachableCount(g, 0, false)).isEqualTo(g.nodeCount());
    }

    @Test
    void edgesCarPlausibleLengthsSpeedsAndGeometry() {
        RoadGraph g = car.graph();
        long oneWay = 0;
        for (int e = 0; e < g.edgeCount(); e++) {
            assertThat(g.tail(e)).isNotEqualTo(g.head(e));
            assertThat(g.freeFlowKmh(e)).as("edge %d on way %d", e, g.wayId(g.segmentOf(e)))
                    .isBetween(0.0, 130.0);
            int s = g.segmentOf(e);
            int first = g.isReversed(e) ? g.segmentPointCount(s) - 1 : 0;
            assertThat(g.segmentLatE7(s, first)).isEqualTo(g.latE7(g.tail(e)));
            double straight = de.parkleit.routing.graph.EarthDistance.meters(g.lat(g.tail(e)), g.lon(g.tail(e)),
                    g.lat(g.head(e)), g.lon(g.head(e)));
            assertThat(g.lengthMeters(e)).isGreaterThanOrEqualTo(straight - 0.02);
            if (g.twin(e) < 0) {
                oneWay++;
            } else {
                assertThat(g.twin(g.twin(e))).isEqualTo(e);
            }
        }
        assertThat(oneWay).as("old town one-way streets").isGreaterThan(50);
    }

    private static int reachableCount(RoadGraph g, int start, boolean forward) {
        boolean[] seen = new boolean[g.nodeCount()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        seen[start] = true;
        int count = 1;
        while (!queue.isEmpty()) {
            int u = queue.poll();
            int from = forward ? g.firstOut(u) : g.firstIn(u);
            int to = forward ? g.firstOut(u + 1) : g.firstIn(u + 1);
            for (int i = from; i < to; i++) {
                int v = forward ? g.head(i) : g.tail(g.inEdge(i));
                if (!seen[v]) {
                    seen[v] = true;
                    count++;
                    queue.add(v);
                }
            }
        }
        return count;
    }
}
