package de.parkleit.routing.search;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.routing.graph.EdgeSnapper;
import de.parkleit.routing.graph.EdgeWeights;
import de.parkleit.routing.graph.RoadClass;
import de.parkleit.routing.graph.RoadGraph;
import de.parkleit.routing.graph.RoadGraphBuilder;
import de.parkleit.routing.graph.Snap;
import de.parkleit.routing.graph.TravelMode;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DijkstraTest {

    /** A random grid-like graph with one-way and two-way segments, not necessarily connected. */
    static RoadGraph randomGraph(Random rnd, int side) {
        RoadGraphBuilder b = new RoadGraphBuilder(TravelMode.CAR);
        int[][] id = new int[side][side];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                id[i][j] = b.addNode(494000000 + i * 10000 + rnd.nextInt(3000), 86900000 + j * 15000 + rnd.nextInt(3000));
            }
        }
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                for (int[] d : new int[][] {{0, 1}, {1, 0}, {1, 1}}) {
                    int ni = i + d[0];
                    int nj = j + d[1];
                    if (ni >= side || nj >= side || rnd.nextInt(5) == 0) {
                        continue;
                    }
                    int s = b.addSegment(1, id[i][j], id[ni][nj], new int[0], new int[0], 0);
                    int len = 10_000 + rnd.nextInt(20_000);
                    int kind = rnd.nextInt(4);
                    if (kind != 1) {
                        b.addEdge(s, false, len, len / (1 + rnd.nextInt(3)), RoadClass.RESIDENTIAL);
                    }
                    if (kind != 0) {
                        b.addEdge(s, true, len, len / (1 + rnd.nextInt(3)), RoadClass.RESIDENTIAL);
                    }
                }
            }
        }
        return b.build(false).graph();
    }

    /** All-pairs node weights by Floyd–Warshall, Long.MAX_VALUE / 4 where unreachable. */
    static long[][] allPairs(RoadGraph g, EdgeWeights w) {
        int n = g.nodeCount();
        long inf = Long.MAX_VALUE / 4;
        long[][] d = new long[n][n];
        for (long[] row : d) {
            Arrays.fill(row, inf);
        }
        for (int v = 0; v < n; v++) {
            d[v][v] = 0;
        }
        for (int e = 0; e < g.edgeCount(); e++) {
            d[g.tail(e)][g.head(e)] = Math.min(d[g.tail(e)][g.head(e)], w.get(e));
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (d[i][k] + d[k][j] < d[i][j]) {
                        d[i][j] = d[i][k] + d[k][j];
                    }
                }
            }
        }
        return d;
    }

    /** The exact optimum between two snaps, from the all-pairs table; -1 if unreachable. */
    static long bruteForce(RoadGraph g, EdgeWeights w, long[][] d, Snap from, Snap to) {
        long best = Long.MAX_VALUE;
        EdgePath direct = Endpoints.direct(w, from, to);
        if (direct != null) {
            best = direct.weight();
        }
        Endpoints.Ends dep = Endpoints.departures(g, w, from);
        Endpoints.Ends arr = Endpoints.arrivals(g, w, to);
        for (int i = 0; i < dep.size; i++) {
            for (int j = 0; j < arr.size; j++) {
                long between = d[dep.node[i]][arr.node[j]];
                if (between < Long.MAX_VALUE / 4) {
                    best = Math.min(best, dep.cost[i] + between + arr.cost[j]);
                }
            }
        }
        return best == Long.MAX_VALUE ? -1 : best;
    }

    @Test
    void findsTheOptimumBetweenRandomMidEdgePointsOnRandomGraphs() {
        Random rnd = new Random(42);
        int checked = 0;
        int unreachable = 0;
        int junctions = 0;
        for (int round = 0; round < 20; round++) {
            RoadGraph g = randomGraph(rnd, 7);
            EdgeWeights w = rnd.nextBoolean() ? EdgeWeights.freeFlow(g) : EdgeWeights.lengths(g);
            long[][] d = allPairs(g, w);
            EdgeSnapper snapper = new EdgeSnapper(g);
            Dijkstra dijkstra = new Dijkstra(g);
            for (int q = 0; q < 50; q++) {
                Snap from = randomSnap(rnd, snapper);
                Snap to = rnd.nextInt(10) == 0 ? from : randomSnap(rnd, snapper);
                junctions += from.atJunction() || to.atJunction() ? 1 : 0;
                long expected = bruteForce(g, w, d, from, to);
                Optional<EdgePath> found = dijkstra.route(w, from, to);
                if (expected < 0) {
                    assertThat(found).isEmpty();
                    unreachable++;
                    continue;
                }
                assertThat(found).isPresent();
                assertThat(found.get().weight()).isEqualTo(expected);
                assertThat(pathWeight(g, w, found.get())).isBetween(expected - found.get().edges().length - 1,
                        expected + found.get().edges().length + 1);
                assertConnected(g, found.get());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(500);
        assertThat(junctions).as("queries from or to a junction").isGreaterThan(100);
        assertThat(unreachable).isGreaterThan(0);
    }

    private static Snap randomSnap(Random rnd, EdgeSnapper snapper) {
        RoadGraph g = snapper.graph();
        if (rnd.nextInt(4) == 0) {
            int v = rnd.nextInt(g.nodeCount());
            return snapper.snap(g.lat(v), g.lon(v), 1e6).orElseThrow();
        }
        double lat = 49.4 + rnd.nextDouble() * 0.07;
        double lon = 8.69 + rnd.nextDouble() * 0.105;
        return snapper.snap(lat, lon, 1e6).orElseThrow();
    }

    static long pathWeight(RoadGraph g, EdgeWeights w, EdgePath p) {
        long sum = 0;
        for (int i = 0; i < p.edges().length; i++) {
            sum += Math.round(w.get(p.edges()[i]) * p.travelledShare(i));
        }
        return sum;
    }

    static void assertConnected(RoadGraph g, EdgePath p) {
        for (int i = 1; i < p.edges().length; i++) {
            assertThat(g.tail(p.edges()[i])).isEqualTo(g.head(p.edges()[i - 1]));
        }
    }
}
