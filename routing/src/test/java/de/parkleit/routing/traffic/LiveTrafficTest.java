package de.parkleit.routing.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.reading.TrafficReading;
import de.parkleit.routing.graph.EdgeGeometry;
import de.parkleit.routing.graph.EdgeSnapper;
import de.parkleit.routing.graph.EdgeWeights;
import de.parkleit.routing.graph.GeoPoint;
import de.parkleit.routing.graph.RoadGraph;
import de.parkleit.routing.network.TestNetworks;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class LiveTrafficTest {

    private final RoadGraph g = TestNetworks.heidelbergCar().graph();
    private final EdgeSnapper snapper = new EdgeSnapper(g);
    private final Instant t0 = Instant.parse("2026-11-26T12:00:00Z");
    /** Sofienstraße (B 3, one-way), between Bismarckplatz and Plöck. */
    private final GeoPoint sofienstrasse = new GeoPoint(49.4085, 8.6925);

    private LiveTraffic traffic() {
        return new LiveTraffic(g, snapper, new TrafficConfig(Duration.ofMinutes(5), Duration.ofMinutes(10), 30, 20));
    }

    @Test
    void slowsTheDetectedEdgeByTheMeasuredSpeedAndNothingElse() {
        LiveTraffic live = traffic();
        LiveTraffic.Binding b = live.addDetector(Detector.at("d1", sofienstrasse)).orElseThrow();
        int e = b.edges()[0];
        assertThat(live.apply(new TrafficReading("d1", t0, 60, 10, g.freeFlowKmh(e) / 4, null))).isTrue();
        EdgeWeights w = live.weightsAt(t0.plusSeconds(30));
        EdgeWeights free = EdgeWeights.freeFlow(g);
        int changed = 0;
        for (int edge = 0; edge < g.edgeCount(); edge++) {
            if (w.get(edge) != free.get(edge)) {
                changed++;
                assertThat(contains(b.edges(), edge)).isTrue();
            }
        }
        assertThat(changed).isEqualTo(b.edges().length);
        assertThat(w.get(e)).isCloseTo(4 * free.get(e), Offset.offset(2));
    }

    @Test
    void fadesBackToFreeFlowWhenReadingsGoStale() {
        LiveTraffic live = traffic();
        int e = live.addDetector(Detector.at("d1", sofienstrasse)).orElseThrow().edges()[0];
        live.apply(new TrafficReading("d1", t0, 60, 10, g.freeFlowKmh(e) / 3, null));
        int free = g.freeFlowMs(e);
        assertThat(live.weightsAt(t0.plus(Duration.ofMinutes(5))).get(e)).isCloseTo(3 * free, Offset.offset(2));
        assertThat(live.weightsAt(t0.plus(Duration.ofMinutes(10))).get(e)).isCloseTo(2 * free, Offset.offset(2));
        assertThat(live.weightsAt(t0.plus(Duration.ofMinutes(16))).get(e)).isEqualTo(free);
    }

    @Test
    void versionsGrowAndOldVersionsStayUntouched() {
        LiveTraffic live = traffic();
        int e = live.addDetector(Detector.at("d1", sofienstrasse)).orElseThrow().edges()[0];
        EdgeWeights before = live.weightsAt(t0);
        live.apply(new TrafficReading("d1", t0, 60, 10, 3.0, null));
        EdgeWeights after = live.weightsAt(t0);
        assertThat(after.version()).isGreaterThan(before.version());
        assertThat(before.get(e)).isEqualTo(g.freeFlowMs(e));
        assertThat(after.get(e)).isGreaterThan(before.get(e));
    }

    @Test
    void bindsADirectedDetectorToTheEdgeOfItsHeadingOnly() {
        LiveTraffic live = traffic();
        GeoPoint twoWay = new GeoPoint(49.40995, 8.68040);
        LiveTraffic.Binding both = live.addDetector(Detector.at("both", twoWay)).orElseThrow();
        assertThat(both.edges()).hasSize(2);
        int e = both.edges()[0];
        double heading = new EdgeGeometry(g).bearingAt(e, 0.5);
        LiveTraffic.Binding one = live.addDetector(new Detector("one", twoWay, heading, 1, 0)).orElseThrow();
        assertThat(one.edges()).containsExactly(e);
    }

    @Test
    void estimatesCongestionWithoutSpeedFromOccupancyOrFlow() {
        CongestionModel m = new CongestionModel(20);
        assertThat(m.factor(new TrafficReading("d", t0, 60, 0, null, 80.0), 45, 1, 900)).isEqualTo(20);
        assertThat(m.factor(new TrafficReading("d", t0, 60, 0, null, 0.0), 45, 1, 900)).isEqualTo(1);
        assertThat(m.factor(new TrafficReading("d", t0, 60, 20, null, 40.0), 45, 1, 900)).isGreaterThan(2);
        assertThat(m.factor(new TrafficReading("d", t0, 60, 30, null, null), 45, 1, 1800)).isCloseTo(1.15, Offset.offset(0.01));
        assertThat(m.factor(new TrafficReading("d", t0, 60, 3, null, null), 45, 1, 1800)).isLessThan(1.01);
    }

    @Test
    void ignoresUnknownDetectorsAndOutOfOrderReadings() {
        LiveTraffic live = traffic();
        int e = live.addDetector(Detector.at("d1", sofienstrasse)).orElseThrow().edges()[0];
        assertThat(live.apply(new TrafficReading("nobody", t0, 60, 10, 5.0, null))).isFalse();
        assertThat(live.apply(new TrafficReading("d1", t0, 60, 10, g.freeFlowKmh(e) / 2, null))).isTrue();
        assertThat(live.apply(new TrafficReading("d1", t0.minusSeconds(60), 60, 10, 1.0, null))).isFalse();
        assertThat(live.addDetector(Detector.at("far", new GeoPoint(49.0, 8.0)))).isEmpty();
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
