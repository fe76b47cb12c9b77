package de.parkleit.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BacktestOptionsTest {

    @Test
    void readsTheCommandLine() {
        BacktestOptions o = BacktestOptions.parse(new String[] {"--occupancy", "a.csv.gz", "--train-until",
            "2024-07-01", "--test-until", "2024-10-01", "--lots", "l.csv", "--quiet", "--profile-weeks", "6"});
        assertThat(o.occupancy()).isEqualTo(Path.of("a.csv.gz"));
        assertThat(o.lots()).contains(Path.of("l.csv"));
        assertThat(o.trainUntil()).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(o.testUntil()).contains(LocalDate.of(2024, 10, 1));
        assertThat(o.quiet()).isTrue();
        assertThat(o.settings().profileWeeks()).isEqualTo(6);
        assertThat(o.zone().getId()).isEqualTo("Europe/Berlin");
    }

    @Test
    void rejectsMissingAndMalformedOptionsWithUsage() {
        assertThatThrownBy(() -> BacktestOptions.parse(new String[] {"--occupancy", "a.csv"}))
                .hasMessageContaining("--train-until").hasMessageContaining("usage");
        assertThatThrownBy(() -> BacktestOptions.parse(new String[] {"--occupancy", "a", "--train-until", "July"}))
                .hasMessageContaining("2024-07-01");
        assertThatThrownBy(() -> BacktestOptions.parse(new String[] {"--occupancy"}))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BacktestOptions.parse(new String[] {"--bogus"})).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> BacktestOptions.parse(new String[] {"--occupancy", "a", "--train-until",
            "2024-07-01", "--test-until", "2024-06-01"})).hasMessageContaining("after");
    }

    @Test
    void exitsWithTwoOnBadUsageAndOneOnAMissingFile() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Backtest b = new Backtest(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(b.run(new String[0])).isEqualTo(2);
        assertThat(b.run(new String[] {"--occupancy", "does-not-exist.csv", "--train-until", "2024-07-01",
            "--lots", "nope.csv"})).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage").contains("backtest failed");
    }
}
