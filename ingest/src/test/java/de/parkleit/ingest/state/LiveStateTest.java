package de.parkleit.ingest.state;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.reading.CountsReading;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.SpaceReading;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.QualityFlag;
import de.parkleit.core.state.Trend;
import de.parkleit.core.reading.FacilityStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveStateTest {

    static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    final LiveState live = new LiveState(Map.of("P1", 100, "P2", 10), StateRules.defaults(Duration.ofMinutes(15), ZoneOffset.UTC));

    private static OccupancyReading occ(Instant ts, int free) {
        return new OccupancyReading("P1", ts, free, null, null);
    }

    @Test
    void lateReadingsNeverOverwriteNewerLiveState() {
        assertThat(live.apply(occ(T0.plusSeconds(60), 40))).isPresent();
        assertThat(live.apply(occ(T0, 90))).isEmpty();
        assertThat(live.apply(occ(T0.plusSeconds(60), 41))).isEmpty();
        assertThat(live.current("P1").orElseThrow().free()).isEqualTo(40);
    }

    @Test
    void outOfRangeIsClampedAndFlagged() {
        FacilityState s = live.apply(occ(T0, 130)).orElseThrow();
        assertThat(s.free()).isEqualTo(100);
        assertThat(s.flags()).contains(QualityFlag.OUT_OF_RANGE);
        assertThat(live.apply(occ(T0.plusSeconds(600), 90)).orElseThrow().flags()).isEmpty();
    }

    @Test
    void jumpsAndCapacityChangesAreFlagged() {
        live.apply(occ(T0, 90));
        assertThat(live.apply(occ(T0.plusSeconds(60), 10)).orElseThrow().flags()).containsExactly(QualityFlag.JUMP);
        FacilityState s = live.apply(new OccupancyReading("P1", T0.plusSeconds(120), 10, 120, null)).orElseThrow();
        assertThat(s.flags()).containsExactly(QualityFlag.CAPACITY_CHANGED);
        assertThat(s.capacity()).isEqualTo(100);
    }

    @Test
    void goesUnknownWhenStaleAndSaysSinceWhen() {
        live.apply(occ(T0, 50));
        assertThat(live.expire(T0.plus(Duration.ofMinutes(14)))).isEmpty();
        FacilityState s = live.expire(T0.plus(Duration.ofMinutes(16))).get(0);
        assertThat(s.free()).isNull();
        assertThat(s.status()).isEqualTo(FacilityStatus.UNKNOWN);
        assertThat(s.updatedAt()).isEqualTo(T0);
        assertThat(s.flags()).contains(QualityFlag.STALE);
        assertThat(live.expire(T0.plus(Duration.ofMinutes(17)))).isEmpty();
        assertThat(live.apply(occ(T0.plus(Duration.ofMinutes(20)), 30)).orElseThrow().free()).isEqualTo(30);
    }

    @Test
    void countersIntegrateDeduplicateAndReanchor() {
        live.apply(occ(T0, 50));
        assertThat(live.apply(new CountsReading("P1", T0.plusSeconds(10), 5, 1, 1)).orElseThrow().free()).isEqualTo(46);
        assertThat(live.apply(new CountsReading("P1", T0.plusSeconds(10), 5, 1, 1))).isEmpty();
        FacilityState drift = live.apply(new CountsReading("P1", T0.plusSeconds(20), 60, 0, 2)).orElseThrow();
        assertThat(drift.free()).isZero();
        assertThat(drift.flags()).contains(QualityFlag.COUNTER_DRIFT);
        FacilityState anchored = live.apply(occ(T0.plusSeconds(30), 20)).orElseThrow();
        assertThat(anchored.flags()).doesNotContain(QualityFlag.COUNTER_DRIFT);
        assertThat(anchored.free()).isEqualTo(20);
    }

    @Test
    void aSequenceGapFlagsDrift() {
        live.apply(new CountsReading("P1", T0, 1, 0, 1));
        assertThat(live.apply(new CountsReading("P1", T0.plusSeconds(5), 1, 0, 5)).orElseThrow().flags()).contains(QualityFlag.COUNTER_DRIFT);
    }

    @Test
    void spacesAggregateIntoTheirFacility() {
        assertThat(live.apply(new SpaceReading("P2", "a", T0, true)).orElseThrow().free()).isEqualTo(9);
        assertThat(live.apply(new SpaceReading("P2", "b", T0, true)).orElseThrow().free()).isEqualTo(8);
        assertThat(live.apply(new SpaceReading("P2", "a", T0.plusSeconds(5), false)).orElseThrow().free()).isEqualTo(9);
        assertThat(live.apply(new SpaceReading("P2", "a", T0.plusSeconds(1), true))).isEmpty();
    }

    @Test
    void aNewerReadingWithTheSameValueIsAHeartbeat() {
        SpaceReading first = new SpaceReading("P2", "a", T0, true);
        assertThat(live.isHeartbeat(first)).as("first of its space").isFalse();
        live.apply(first);
        assertThat(live.isHeartbeat(new SpaceReading("P2", "a", T0.plusSeconds(60), true))).isTrue();
        assertThat(live.isHeartbeat(new SpaceReading("P2", "a", T0, true))).as("a replay is not newer").isFalse();
        assertThat(live.isHeartbeat(new SpaceReading("P2", "a", T0.plusSeconds(60), false))).as("a change").isFalse();
        assertThat(live.isHeartbeat(new SpaceReading("P2", "b", T0.plusSeconds(60), true))).as("another space").isFalse();
        assertThat(live.isHeartbeat(occ(T0.plusSeconds(60), 40))).as("occupancy readings always count").isFalse();
        assertThat(live.isHeartbeat(new SpaceReading("NOPE", "a", T0.plusSeconds(60), true))).isFalse();
    }

    @Test
    void trendFollowsTheLastMinutes() {
        live.apply(occ(T0, 80));
        live.apply(occ(T0.plusSeconds(300), 60));
        assertThat(live.current("P1").orElseThrow().trend()).isEqualTo(Trend.FILLING);
        live.apply(occ(T0.plusSeconds(1500), 95));
        assertThat(live.current("P1").orElseThrow().trend()).isEqualTo(Trend.EMPTYING);
    }

    @Test
    void adoptsANewerRetainedStateButPublishesNothingForIt() {
        live.adopt(new FacilityState("P1", 33, 100, FacilityStatus.OPEN, Trend.STEADY, T0, null));
        assertThat(live.current("P1").orElseThrow().free()).isEqualTo(33);
        assertThat(live.withoutState()).extracting(FacilityState::facilityId).containsExactly("P2");
        live.adopt(new FacilityState("P1", 12, 100, FacilityStatus.OPEN, Trend.STEADY, T0.minusSeconds(1), null));
        assertThat(live.current("P1").orElseThrow().free()).isEqualTo(33);
    }
}
