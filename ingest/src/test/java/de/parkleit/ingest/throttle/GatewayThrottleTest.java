package de.parkleit.ingest.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.topic.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GatewayThrottleTest {

    private static final long MS = 1_000_000L;
    private final Topics topics = new Topics("parkleit/v1");
    private final AtomicLong nanos = new AtomicLong(1_000 * MS);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Map<String, Integer> capacities = Map.of("P1", 0, "P2", 0, "P3", 0, "G1", 400);

    private GatewayThrottle throttle(GatewayLimits limits) {
        return new GatewayThrottle(topics, limits, capacities::get, 10, nanos::get, registry);
    }

    private double throttledMetric(String gateway) {
        Counter c = registry.find("parkleit.ingest.throttled").tag("gateway", gateway).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aGatewayAtTenTimesItsRateIsCutToItsBudgetAndTheOthersKeepAll() {
        // 60 messages/min each, burst 10 s: P1 floods with 10/s, P2 and P3 send their 1/s
        GatewayThrottle t = throttle(new GatewayLimits(60, 0, Duration.ofSeconds(10), 100));
        int floodAdmitted = 0;
        int othersAdmitted = 0;
        int othersSent = 0;
        for (int ms = 0; ms < 120_000; ms += 100) {
            nanos.addAndGet(100 * MS);
            if (t.refuse(topics.occupancy("P1")) == null) {
                floodAdmitted++;
            }
            if (ms % 1000 == 0) {
                othersSent += 2;
                othersAdmitted += (t.refuse(topics.occupancy("P2")) == null ? 1 : 0)
                        + (t.refuse(topics.counts("P3")) == null ? 1 : 0);
            }
        }
        assertThat(othersAdmitted).isEqualTo(othersSent).isEqualTo(240);
        // 120 s at 1/s plus the 10-message burst
        assertThat(floodAdmitted).isBetween(128, 131);
        assertThat(throttledMetric("parking:P1")).isEqualTo(1200 - floodAdmitted);
        assertThat(t.throttled("parking:P1")).isEqualTo(1200 - floodAdmitted);
        assertThat(throttledMetric("parking:P2")).isZero();
        assertThat(registry.find("parkleit.ingest.throttled").counters()).extracting(c -> c.getId().getTag("gateway"))
                .containsExactlyInAnyOrder("parking:P1", "_other");
    }

    @Test
    void aFacilitysBudgetGrowsWithItsSpacesAndAllItsTopicsShareIt() {
        // G1: 400 spaces x 6/min + 60 = 2,460/min = 41/s; its single-space sensors report once a minute (6.7/s)
        GatewayThrottle t = throttle(new GatewayLimits(60, 6, Duration.ofSeconds(10), 100));
        assertThat(t.budgetPerMinute("parking:G1")).isEqualTo(2460);
        int refused = 0;
        for (int s = 0; s < 60; s++) {
            nanos.addAndGet(1000 * MS);
            for (int space = 0; space < 400; space += 60) {
                refused += t.refuse(topics.space("G1", "S" + (space + s))) == null ? 0 : 1;
            }
            refused += t.refuse(topics.occupancy("G1")) == null ? 0 : 1;
        }
        assertThat(refused).isZero();
        // the same gateway at 10x: 67 space readings/s
        for (int s = 0; s < 60; s++) {
            nanos.addAndGet(1000 * MS);
            for (int i = 0; i < 67; i++) {
                refused += t.refuse(topics.space("G1", "S" + i)) == null ? 0 : 1;
            }
        }
        // admitted: the full bucket (410) and 59 refills of 41; refused: the rest of the 4,020
        assertThat(refused).isBetween(60 * 67 - 410 - 59 * 41 - 2, 60 * 67 - 410 - 59 * 41 + 2);
        assertThat(t.throttled("parking:G1")).isEqualTo(refused);
    }

    @Test
    void theMetricNamesABoundedNumberOfGatewaysAndTheBucketsOfIdleOnesAreForgotten() {
        GatewayThrottle t = throttle(new GatewayLimits(6, 0, Duration.ofSeconds(10), 5));
        for (int d = 0; d < 50; d++) {
            for (int i = 0; i < 3; i++) {
                t.refuse(topics.traffic("D" + d));
            }
        }
        // each detector's bucket holds one message (6/min for 10 s): 2 of 3 refused, 100 in all
        assertThat(registry.find("parkleit.ingest.throttled").counters()).hasSize(6);
        assertThat(throttledMetric("traffic:D0")).isEqualTo(2);
        assertThat(throttledMetric("traffic:D7")).isZero();
        assertThat(throttledMetric("_other")).isEqualTo(90);
        assertThat(t.activeSources()).isEqualTo(50);
        nanos.addAndGet(5_000 * MS);
        t.sweep();
        assertThat(t.activeSources()).isEqualTo(50);
        nanos.addAndGet(10_000 * MS);
        t.sweep();
        assertThat(t.activeSources()).isZero();
    }

    @Test
    void reportsARefusedGatewayOnceAMinute() {
        GatewayThrottle t = throttle(new GatewayLimits(6, 0, Duration.ofSeconds(10), 100));
        t.refuse(topics.occupancy("P1"));
        assertThat(t.refuse(topics.occupancy("P1"))).isEqualTo("parking:P1");
        assertThat(t.report("parking:P1")).isTrue();
        assertThat(t.report("parking:P1")).isFalse();
        nanos.addAndGet(59_000 * MS);
        assertThat(t.report("parking:P1")).isFalse();
        nanos.addAndGet(1_000 * MS);
        assertThat(t.report("parking:P1")).isTrue();
    }

    @Test
    void sourcesComeFromTheTopic() {
        GatewayThrottle t = throttle(GatewayLimits.perMinute(60));
        assertThat(t.source(topics.occupancy("P1"))).isEqualTo("parking:P1");
        assertThat(t.source(topics.space("G1", "S9"))).isEqualTo("parking:G1");
        assertThat(t.source(topics.occupancy("NOPE"))).isEqualTo("parking:_unknown");
        assertThat(t.source(topics.traffic("D1"))).isEqualTo("traffic:D1");
        assertThat(t.source(topics.lorawanUplink("ttn"))).isEqualTo("lorawan:ttn");
        assertThat(t.source(topics.senml("gw-1"))).isEqualTo("senml:gw-1");
        assertThat(t.source("somewhere/else")).isEqualTo("_topic");
        assertThat(t.budgetPerMinute("lorawan:ttn")).isEqualTo(60 + 6 * 10);
    }

    @Test
    void offAdmitsEverything() {
        GatewayThrottle t = throttle(GatewayLimits.OFF);
        for (int i = 0; i < 10_000; i++) {
            assertThat(t.refuse(topics.occupancy("P1"))).isNull();
        }
        assertThat(t.activeSources()).isZero();
    }
}
