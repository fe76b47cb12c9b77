package de.parkleit.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BaselinesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Wednesday 2024-07-31 12:00 local. */
    private static final Instant ORIGIN = Instant.parse("2024-07-31T10:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);
    private static final int H = 6;

    private final OccupancySeries.Builder b = OccupancySeries.builder("lot", 500, BERLIN);

    private double forecast(PointForecaster f) {
        OccupancySeries s = b.build();
        return f.forecast(s, SlotClock.slotOf(ORIGIN), H);
    }

    @Test
    void persistenceKeepsTheCurrentValue() {
        b.add(ORIGIN.minus(HALF_HOUR), 80).add(ORIGIN, 73);
        assertThat(forecast(new PersistenceForecaster())).isEqualTo(73);
    }

    @Test
    void weekdayProfileIsTheMeanOfTheSameSlotInTheLastFourWeeks() {
        b.add(ORIGIN, 1);
        int[] past = {10, 20, 30, 40, 1000};
        for (int k = 1; k <= past.length; k++) {
            b.add(ORIGIN.plus(HALF_HOUR).minus(WEEK.multipliedBy(k)), past[k - 1]);
        }
        assertThat(forecast(new WeekdayProfileForecaster(4))).isEqualTo(25);
    }

    @Test
    void weekdayProfileSkipsMissingWeeksAndHasNothingWithoutHistory() {
        b.add(ORIGIN, 1).add(ORIGIN.plus(HALF_HOUR).minus(WEEK.multipliedBy(3)), 30);
        assertThat(forecast(new WeekdayProfileForecaster(4))).isEqualTo(30);
        OccupancySeries.Builder empty = OccupancySeries.builder("lot", 500, BERLIN).add(ORIGIN, 5);
        assertThat(new WeekdayProfileForecaster(4).forecast(empty.build(), SlotClock.slotOf(ORIGIN), H)).isNaN();
    }

    /** Weeks 1..3 earlier: value at the origin's time and half an hour later. */
    private void pastWeeks(int[] atOrigin, int[] atTarget) {
        for (int k = 1; k <= 3; k++) {
            Instant o = ORIGIN.minus(WEEK.multipliedBy(k));
            b.add(o, atOrigin[k - 1]).add(o.plus(HALF_HOUR), atTarget[k - 1]);
        }
    }

    @Test
    void hslAddsTheMeanChangeOfTheSameWindowInTheLastThreeWeeks() {
        pastWeeks(new int[] {100, 100, 100}, new int[] {110, 120, 94});
        b.add(ORIGIN, 50);
        assertThat(forecast(new HslForecaster())).isCloseTo(58, within(1e-9));
    }

    @Test
    void hslScalesTheChangeWhenTheLastTwoHoursWereBusierThanUsual() {
        pastWeeks(new int[] {100, 100, 100}, new int[] {110, 120, 94});
        // past windows: one value each, busyness max(1, 0) = 1; now: |70 - 50| and 0 over two readings = 10
        b.add(ORIGIN.minus(Duration.ofMinutes(60)), 70).add(ORIGIN, 50);
        assertThat(forecast(new HslForecaster())).isCloseTo(50 + 10 * 8, within(1e-9));
    }

    @Test
    void hslNeverScalesDownAndFloorsAtZero() {
        pastWeeks(new int[] {100, 100, 100}, new int[] {70, 80, 90});
        b.add(ORIGIN, 5);
        assertThat(forecast(new HslForecaster())).isZero();
    }

    @Test
    void hslHasNothingWithoutAnyPastWeek() {
        b.add(ORIGIN, 5);
        assertThat(forecast(new HslForecaster())).isNaN();
    }
}
