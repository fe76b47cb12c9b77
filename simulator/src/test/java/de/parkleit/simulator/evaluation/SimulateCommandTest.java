package de.parkleit.simulator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    /** The options {@code simulate --scenario saturday-noon --compliance 0.5} gives (the CLI is tested in the app). */
    static SimulateOptions opts(Path out, long seed, boolean guidance) {
        return new SimulateOptions(Path.of("../cities/heidelberg"), "saturday-noon", guidance, 0.5, 0, seed, out,
                java.time.ZoneId.of("Europe/Berlin"), "fast", "http://localhost:8080", "tcp://localhost:1883", "parkleit/v1",
                false, null, 0.6);
    }

    static SimulateCommand.Outcome run(SimulateOptions o, ByteArrayOutputStream progress) throws Exception {
        return new SimulateCommand().execute(o, new String[0], new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(progress, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesAnHtmlReportWithSvgPlotsAndCsvsAndShowsProgress(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        SimulateCommand.Outcome r = run(opts(dir, 1, true), progress);

        assertThat(r.report()).isEqualTo(dir.resolve("index.html"));
        String html = Files.readString(r.report());
        assertThat(html).contains("<svg", "Control (no guidance) vs treatment", "mean search time, all trips (s)",
                "heidelbergp7kaufhof", "saturday-noon");
        for (String f : new String[]{"comparison.csv", "trips-control.csv", "trips-treatment.csv", "occupancy-control.csv",
                "occupancy-treatment.csv", "hourly-control.csv", "hourly-treatment.csv"}) {
            assertThat(dir.resolve(f)).isNotEmptyFile();
        }
        assertThat(Files.readAllLines(dir.resolve("trips-control.csv"))).hasSize(r.control().trips() + 1);
        assertThat(Files.readAllLines(dir.resolve("occupancy-control.csv"))).hasSize(20 * 48 + 1);
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("control", "guidance", "100 %");
        assertThat(r.treatment().meanSearchS()).isLessThan(r.control().meanSearchS());
        assertThat(r.treatment().searchVehKm()).isLessThan(r.control().searchVehKm());
        assertThat(r.control().co2SearchKg()).isEqualTo(r.control().searchVehKm() * 0.18, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theSameSeedWritesTheSameFiguresAndAnotherSeedOthers(@TempDir Path dir) throws Exception {
        run(opts(dir.resolve("a"), 1, true), new ByteArrayOutputStream());
        run(opts(dir.resolve("b"), 1, true), new ByteArrayOutputStream());
        run(opts(dir.resolve("c"), 2, true), new ByteArrayOutputStream());
        assertThat(Files.readString(dir.resolve("a/comparison.csv"))).isEqualTo(Files.readString(dir.resolve("b/comparison.csv")));
        assertThat(Files.readString(dir.resolve("a/trips-treatment.csv"))).isEqualTo(Files.readString(dir.resolve("b/trips-treatment.csv")));
        assertThat(Files.readString(dir.resolve("a/comparison.csv"))).isNotEqualTo(Files.readString(dir.resolve("c/comparison.csv")));
    }

    @Test
    void guidanceOffRunsTheControlOnly(@TempDir Path dir) throws Exception {
        SimulateCommand.Outcome r = run(opts(dir, 1, false), new ByteArrayOutputStream());
        assertThat(r.treatment()).isNull();
        assertThat(r.control().guidanceCalls()).isZero();
        assertThat(dir.resolve("trips-treatment.csv")).doesNotExist();
        assertThat(Files.readAllLines(dir.resolve("comparison.csv")).get(0)).isEqualTo("metric,control");
    }

    @Test
    void anUnknownScenarioNamesTheKnownOnes() {
        assertThatThrownBy(() -> Scenario.resolve("nope")).hasMessageContaining("saturday-peak");
    }

    @Test
    void scenariosComeFromPropertiesFilesToo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("market.properties");
        Files.writeString(f, "name=market\ndate=2026-12-05\nstart=09:00\nend=18:00\ndemandScale=1.4\n");
        Scenario s = Scenario.resolve(f.toString());
        assertThat(s.name()).isEqualTo("market");
        assertThat(s.day().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SATURDAY);
        assertThat(java.time.Duration.between(s.from(java.time.ZoneOffset.UTC), s.to(java.time.ZoneOffset.UTC)).toHours()).isEqualTo(9);
    }
}
