package de.parkleit.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backtest on a short slice of the real Münster export in the repository. */
class BacktestIT {

    private static final Path DATA = Path.of("..", "opendata", "muenster");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void bootstrapsAPredictorFromTheCsvAndForecastsFromItsLatestReadings() throws Exception {
        MuensterHistory h = MuensterHistory.load(DATA.resolve("parking_free_muenster_2024-01_to_2024-10.csv.gz"),
                Optional.empty(), BERLIN, CleaningRules.defaults());
        assertThat(h.raw().series()).hasSize(17);
        assertThat(h.reports()).anySatisfy(r -> {
            assertThat(r.facilityId()).isEqualTo("muensterphphcoesfelderkreuz");
            assertThat(r.keptShare()).isLessThan(0.01);
        });
        Instant until = Instant.parse("2024-04-01T00:00:00Z");
        ForecastModel model = new ModelTrainer(ModelSettings.defaults()).train(h.clean(), until);
        AvailabilityPredictor predictor = new AvailabilityPredictor(model, BERLIN, CleaningRules.defaults());
        OccupancySeries theater = h.clean().stream()
                .filter(s -> s.facilityId().equals("muensterphtheater")).findFirst().orElseThrow();
        assertThat(predictor.observeHistory(theater)).isGreaterThan(theater.validCount() * 9 / 10);
        Instant last = SlotClock.startOf(theater.latestSlot());
        Instant later = last.plusSeconds(3 * 3600);
        AvailabilityForecast f = predictor.forecast("muensterphtheater", later, later.plusSeconds(1800))
                .orElseThrow();
        assertThat(f.method()).isEqualTo(AvailabilityForecast.Method.PROFILE);
        assertThat(f.capacity()).isEqualTo(743);
        AvailabilityForecast recent = predictor.forecast("muensterphtheater", last, last.plusSeconds(1800))
                .orElseThrow();
        assertThat(recent.method()).isEqualTo(AvailabilityForecast.Method.MODEL);
        assertThat(recent.expectedFree()).isBetween(0.0, 743.0);
    }

    @Test
    void modelBeatsAllThreeBaselinesOnTwoWeeksOfRealData(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("mae.svg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Backtest backtest = new Backtest(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        BacktestOptions options = new BacktestOptions(DATA.resolve("parking_free_muenster_2024-01_to_2024-10.csv.gz"),
                java.util.Optional.of(DATA.resolve("parking_lots_muenster.csv")), java.time.LocalDate.parse("2024-04-15"),
                java.util.Optional.of(java.time.LocalDate.parse("2024-04-29")), java.time.ZoneId.of("Europe/Berlin"),
                java.util.Optional.of(svg), false, ModelSettings.defaults());

        BacktestScores scores = backtest.run(options);

        for (int h : BacktestScores.TABLE_HORIZONS) {
            double model = scores.maePercent(0, h, BacktestScores.Subset.ALL);
            for (int baseline = 1; baseline < scores.methods().size(); baseline++) {
                assertThat(model).as("model vs %s at %d min", scores.methods().get(baseline), h * 5)
                        .isLessThan(scores.maePercent(baseline, h, BacktestScores.Subset.ALL));
            }
            assertThat(scores.maePercent(0, h, BacktestScores.Subset.SATURDAYS))
                    .as("Saturdays at %d min", h * 5).isLessThan(scores.maePercent(1, h, BacktestScores.Subset.SATURDAYS));
            assertThat(scores.maePercent(0, h, BacktestScores.Subset.DAYTIME)).as("daytime at %d min", h * 5)
                    .isLessThan(scores.maePercent(3, h, BacktestScores.Subset.DAYTIME));
            assertThat(scores.count(h, BacktestScores.Subset.ALL)).isGreaterThan(30_000);
        }
        assertThat(scores.brier(6)).isLessThan(scores.brierBaseline(6));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("MAE, all days:", "MAE, Saturdays:", "HSL-style", "muensterphtheater");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("evaluated");
        assertThat(Files.readString(svg)).startsWith("<svg").contains("polyline").contains("HSL-style");
    }
}
