package de.parkleit.simulator.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NodeClockTest {

    static final Instant START = Instant.parse("2026-11-28T11:00:00Z");

    @Test
    void aScenarioAheadOfTheNodeRunsOnItsOwnTime() {
        assertThat(NodeClock.weeksAfter(START, START.minus(Duration.ofDays(2)))).isZero();
        assertThat(NodeClock.weeksAfter(START, START)).isZero();
    }

    @Test
    void aScenarioBehindTheNodeMovesByWholeWeeksSoWeekdayAndTimeOfDayStay() {
        assertThat(NodeClock.weeksAfter(START, START.plusMillis(1))).isEqualTo(Duration.ofDays(7));
        assertThat(NodeClock.weeksAfter(START, START.plus(Duration.ofDays(7)))).isEqualTo(Duration.ofDays(7));
        assertThat(NodeClock.weeksAfter(START, START.plus(Duration.ofDays(8)))).isEqualTo(Duration.ofDays(14));
    }
}
