package de.parkleit.routing.search;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.routing.graph.EdgeSnapper;
import de.parkleit.routing.graph.EdgeWeights;
import de.parkleit.routing.graph.RoadGraph;
import de.parkleit.routing.graph.Snap;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OneToManyTest {

    @Test
    void findsTheOptimumToEveryTargetInOneSearch() {
        Random rnd = new Random(7);
        int checked = 0;
        for (int round = 0; round < 15; round++) {
            RoadGraph g = DijkstraTest.randomGraph(rnd, 7);
            EdgeWeights w = EdgeWeights.freeFlow(g);
            long[][] d = DijkstraTest.allPairs(g, w);
            EdgeSnapper snapper = new EdgeSnapper(g);
            OneToMany search = new OneToMany(g);
            for (int q = 0; q < 20; q++) {
                Snap from = snap(rnd, snapper);
                List<Snap> targets = new ArrayList<>();
                for (int i = 0; i < 1 + rnd.nextInt(20); i++) {
                    targets.add(rnd.nextInt(8) == 0 ? from : snap(rnd, snapper));
                }
                EdgePath[] paths = search.search(w, from, targets, Long.MAX_VALUE);
                for (int i = 0; i < targets.size(); i++) {
                    long expected = DijkstraTest.bruteForce(g, w, d, from, targets.get(i));
                    if (expected < 0) {
                        assertThat(paths[i]).isNull();
                    } else {
                        assertThat(paths[i].weight()).isEqualTo(expected);
                        DijkstraTest.assertConnected(g, paths[i]);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void leavesTargetsBeyondTheBoundOut() {
        Random rnd = new Random(8);
        RoadGraph g = DijkstraTest.randomGraph(rnd, 8);
        EdgeWeights w = EdgeWeights.lengths(g);
        long[][] d = DijkstraTest.allPairs(g, w);
        EdgeSnapper snapper = new EdgeSnapper(g);
        Snap from = snap(rnd, snapper);
        List<Snap> targets = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            targets.add(snap(rnd, snapper));
        }
        long bound = 60_000;
        EdgePath[] paths = new OneToMany(g).search(w, from, targets, bound);
        for (int i = 0; i < targets.size(); i++) {
            long expected = DijkstraTest.bruteForce(g, w, d, from, targets.get(i));
            if (expected < 0 || expected > bound) {
                assertThat(paths[i]).isNull();
            } else {
                assertThat(paths[i].weight()).isEqualTo(expected);
            }
        }
    }

    private static Snap snap(Random rnd, EdgeSnapper snapper) {
        RoadGraph g = snapper.graph();
        if (rnd.nextInt(4) == 0) {
            int v = rnd.nextInt(g.nodeCount());
            return snapper.snap(g.lat(v), g.lon(v), 1e6).orElseThrow();
        }
        return snapper.snap(49.4 + rnd.nextDouble() * 0.08, 8.69 + rnd.nextDouble() * 0.12, 1e6).orElseThrow();
    }
}
