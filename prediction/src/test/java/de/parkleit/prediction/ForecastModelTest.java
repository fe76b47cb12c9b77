package de.parkleit.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ForecastModelTest {

    private static final LocalDate FIRST = LocalDate.of(2024, 2, 5);
    private static List<OccupancySeries> garages;
    private static Instant trainUntil;
    private static ForecastModel model;

    @BeforeAll
    static void train() {
        garages = List.of(SyntheticGarage.series("big", 600, FIRST, 12, 1),
                SyntheticGarage.series("small", 150, FIRST, 12, 2));
        trainUntil = FIRST.plusWeeks(10).atStartOfDay(SyntheticGarage.ZONE).toInstant();
        model = new ModelTrainer(ModelSettings.defaults(), 3, 6, 200).train(garages, trainUntil);
    }

    private static BacktestScores backtest() {
        List<PointForecaster> baselines = List.of(new PersistenceForecaster(), new WeekdayProfileForecaster(4),
                new HslForecaster());
        long start = SlotClock.slotOf(trainUntil);
        return new BacktestRun(new ModelForecaster(model), baselines, ModelSettings.defaults().historyWeeks(),
                s -> { }).run(garages, start, start + 2 * SlotClock.SLOTS_PER_WEEK);
    }

    @Test
    void beatsPersistenceAndTheProfileOnADailyPattern() {
        BacktestScores scores = backtest();
        assertThat(scores.methods()).containsExactly("model", "persistence", "weekday profile", "HSL-style");
        for (int h : BacktestScores.TABLE_HORIZONS) {
            double model = scores.maePercent(0, h, BacktestScores.Subset.ALL);
            assertThat(model).as("model at %d min", h * 5).isLessThan(scores.maePercent(1, h, BacktestScores.Subset.ALL));
            assertThat(model).as("model at %d min", h * 5).isLessThan(scores.maePercent(2, h, BacktestScores.Subset.ALL));
        }
        assertThat(scores.maePercent(0, 12, BacktestScores.Subset.ALL)).isLessThan(0.8 * scores.maePercent(1, 12, BacktestScores.Subset.ALL));
        assertThat(scores.count(6, BacktestScores.Subset.SATURDAYS)).isPositive();
    }

    @Test
    void givesHigherChancesOfAFreeSpaceTheMoreSpacesItExpects() {
        double nearlyFull = model.probabilityFree("small", 2, 1, 6);
        double some = model.probabilityFree("small", 10, 8, 6);
        double plenty = model.probabilityFree("small", 100, 90, 6);
        assertThat(nearlyFull).isBetween(0.0, 1.0);
        assertThat(nearlyFull).isLessThanOrEqualTo(some);
        assertThat(some).isLessThanOrEqualTo(plenty);
        assertThat(plenty).isGreaterThan(0.99);
    }

    @Test
    void fitsEachFacilityWithEnoughHistoryOnItsOwn() {
        assertThat(model.knowsFacility("big")).isTrue();
        assertThat(model.knowsFacility("unknown")).isFalse();
        assertThat(model.describe()).contains("profile change").contains("  60 min").contains("10:00-14:00");
    }
}
