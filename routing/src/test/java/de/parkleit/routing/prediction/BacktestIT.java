package de.parkleit.routing.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backtest on a short slice of the real Münster export in the repository. */
class BacktestIT {

    private static final Path DATA = Path.of("..", "opendata", "muenster");

    @Test
    void modelBeatsAllThreeBaselinesOnTwoWeeksOfRealData(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("mae.svg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Backtest backtest = new Backtest(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        BacktestOptions options = BacktestOptions.parse(new String[] {
            "--occupancy", DATA.resolve("parking_free_muenster_2024-01_to_2024-10.csv.gz").toString(),
            "--lots", DATA.resolve("parking_lots_muenster.csv").toString(),
            "--train-until", "2024-04-15", "--test-until", "2024-04-29", "--svg", svg.toString()});

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
