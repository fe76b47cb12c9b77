package de.parkleit.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.Trend;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FacilityForecasterTest {

    private static final LocalDate FIRST = LocalDate.of(2024, 4, 1);
    private static OccupancySeries garage;
    private static ForecastModel model;

    @BeforeAll
    static void train() {
        garage = SyntheticGarage.series("g", 300, FIRST, 10, 3);
        Instant until = FIRST.plusWeeks(10).atStartOfDay(SyntheticGarage.ZONE).toInstant();
        model = new ModelTrainer(ModelSettings.defaults(), 3, 6, 200).train(List.of(garage), until);
    }

    /** A forecaster fed with the garage's readings from {@code from} up to the slot of {@code last}. */
    private static FacilityForecaster fed(Instant from, Instant last) {
        FacilityForecaster f = new FacilityForecaster("g", 300, SyntheticGarage.ZONE, model, CleaningRules.defaults());
        for (long s = SlotClock.slotOf(from); s <= SlotClock.slotOf(last); s++) {
            double v = garage.freeAt(s);
            if (!Double.isNaN(v)) {
                f.observe(SlotClock.startOf(s), v);
            }
        }
        return f;
    }

    private static Instant at(int week, int day, int hour) {
        return FIRST.plusWeeks(week).plusDays(day).atTime(hour, 0).atZone(SyntheticGarage.ZONE).toInstant();
    }

    @Test
    void forecastsWhatTheBacktestPathForecastsFromTheSameHistory() {
        Instant now = at(9, 2, 10);
        FacilityForecaster f = fed(at(0, 0, 0), now);
        AvailabilityForecast fc = f.forecast(now, now.plus(Duration.ofMinutes(30))).orElseThrow();
        double expected = new ModelForecaster(model).forecast(f.history(), SlotClock.slotOf(now), 6);
        assertThat(fc.method()).isEqualTo(AvailabilityForecast.Method.MODEL);
        assertThat(fc.expectedFree()).isCloseTo(expected, within(1e-9));
        assertThat(fc.basedOn()).isEqualTo(now);
        assertThat(fc.horizon()).isEqualTo(Duration.ofMinutes(30));
        assertThat(fc.lowFree()).isBetween(0, (int) Math.ceil(fc.expectedFree()));
        assertThat(fc.highFree()).isBetween((int) Math.floor(fc.expectedFree()), 300);
        assertThat(fc.probabilityFree()).isBetween(0.0, 1.0);
    }

    @Test
    void fallsBackToTheProfileWhenTheLastReadingIsOlderThanTwoHours() {
        Instant now = at(9, 2, 12);
        FacilityForecaster f = fed(at(0, 0, 0), now.minus(Duration.ofHours(3)));
        AvailabilityForecast fc = f.forecast(now, now.plus(Duration.ofMinutes(15))).orElseThrow();
        assertThat(fc.method()).isEqualTo(AvailabilityForecast.Method.PROFILE);
        assertThat(fc.basedOn()).isNull();
        assertThat(fc.expectedFree()).isBetween(0.0, 300.0);
    }

    @Test
    void carriesTheLastReadingForwardWithoutAWeekOfHistory() {
        Instant now = at(3, 2, 11);
        FacilityForecaster f = fed(at(3, 0, 0), now);
        AvailabilityForecast fc = f.forecast(now, now.plus(Duration.ofHours(1))).orElseThrow();
        assertThat(fc.method()).isEqualTo(AvailabilityForecast.Method.PERSISTENCE);
        assertThat(fc.expectedFree()).isEqualTo(garage.freeAt(SlotClock.slotOf(now)));
    }

    @Test
    void hasNothingToSayWithoutData() {
        FacilityForecaster f = new FacilityForecaster("x", 10, SyntheticGarage.ZONE, model, CleaningRules.defaults());
        assertThat(f.forecast(at(1, 0, 0), at(1, 0, 1))).isEmpty();
    }

    @Test
    void givesTheDayAheadStepByStep() {
        Instant now = at(9, 4, 8);
        FacilityForecaster f = fed(at(0, 0, 0), now);
        List<AvailabilityForecast> day = f.dailyProfile(now, Duration.ofHours(1), Duration.ofHours(24));
        assertThat(day).hasSize(24);
        assertThat(day.get(0).arrival()).isEqualTo(now.plus(Duration.ofHours(1)));
        assertThat(day).allMatch(fc -> fc.method() == AvailabilityForecast.Method.MODEL);
        assertThatThrownBy(() -> f.dailyProfile(now, Duration.ofHours(1), Duration.ofHours(25)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dropsAZeroThatDoesNotFollowANearFullReading() {
        FacilityForecaster f = new FacilityForecaster("x", 100, SyntheticGarage.ZONE, model, CleaningRules.defaults());
        Instant t = at(1, 1, 12);
        assertThat(f.observe(t, 40)).isTrue();
        assertThat(f.observe(t.plusSeconds(300), 0)).isFalse();
        assertThat(f.observe(t.plusSeconds(600), 0, true)).isTrue();
        assertThat(f.observe(t.plusSeconds(900), 101)).isFalse();
        assertThat(f.observe(t, 40)).as("older than the latest slot").isFalse();
    }

    @Test
    void predictorIgnoresClosedAndStaleStatesAndKnowsOnlyFacilitiesItHasSeen() {
        AvailabilityPredictor p = new AvailabilityPredictor(model, SyntheticGarage.ZONE, CleaningRules.defaults());
        Instant t = at(1, 1, 12);
        assertThat(p.observe(new FacilityState("a", 50, 100, FacilityStatus.OPEN, Trend.UNKNOWN, t, Set.of())))
                .isTrue();
        assertThat(p.observe(new FacilityState("a", 50, 100, FacilityStatus.CLOSED, Trend.UNKNOWN,
                t.plusSeconds(300), Set.of()))).isFalse();
        assertThat(p.observe(FacilityState.unknown("b", 0))).isFalse();
        assertThat(p.facilities()).containsExactly("a");
        assertThat(p.forecast("a", t.plusSeconds(300), t.plusSeconds(1200))).isPresent();
        assertThat(p.forecast("nope", t, t)).isEmpty();
        assertThat(p.dailyProfile("nope", t, Duration.ofHours(1), Duration.ofHours(2))).isEmpty();
    }
}
