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

    static String[] args(Path out, String... more) {
        String[] base = {"--city", "../cities/heidelberg", "--scenario", "saturday-noon", "--guidance", "on",
                "--compliance", "0.5", "--seed", "1", "--out", out.toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    static SimulateCommand.Outcome run(String[] a, ByteArrayOutputStream progress) throws Exception {
        return new SimulateCommand().execute(SimulateOptions.parse(a), a, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(progress, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesAnHtmlReportWithSvgPlotsAndCsvsAndShowsProgress(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        SimulateCommand.Outcome r = run(args(dir), progress);

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
        run(args(dir.resolve("a")), new ByteArrayOutputStream());
        run(args(dir.resolve("b")), new ByteArrayOutputStream());
        String[] c = args(dir.resolve("c"));
        c[9] = "2";
        run(c, new ByteArrayOutputStream());
        assertThat(Files.readString(dir.resolve("a/comparison.csv"))).isEqualTo(Files.readString(dir.resolve("b/comparison.csv")));
        assertThat(Files.readString(dir.resolve("a/trips-treatment.csv"))).isEqualTo(Files.readString(dir.resolve("b/trips-treatment.csv")));
        assertThat(Files.readString(dir.resolve("a/comparison.csv"))).isNotEqualTo(Files.readString(dir.resolve("c/comparison.csv")));
    }

    @Test
    void guidanceOffRunsTheControlOnly(@TempDir Path dir) throws Exception {
        String[] a = args(dir, "--guidance", "off");
        SimulateCommand.Outcome r = run(a, new ByteArrayOutputStream());
        assertThat(r.treatment()).isNull();
        assertThat(r.control().guidanceCalls()).isZero();
        assertThat(dir.resolve("trips-treatment.csv")).doesNotExist();
        assertThat(Files.readAllLines(dir.resolve("comparison.csv")).get(0)).isEqualTo("metric,control");
    }

    @Test
    void badOptionsAreRejectedWithTheOptionNamed() {
        assertThatThrownBy(() -> SimulateOptions.parse(new String[]{"--compliance", "1.5"})).hasMessageContaining("--compliance");
        assertThatThrownBy(() -> SimulateOptions.parse(new String[]{"--guidance", "maybe"})).hasMessageContaining("--guidance");
        assertThatThrownBy(() -> SimulateOptions.parse(new String[]{"--mode", "slow"})).hasMessageContaining("--mode");
        assertThatThrownBy(() -> SimulateOptions.parse(new String[]{"--bogus", "1"})).hasMessageContaining("unknown option --bogus");
        assertThatThrownBy(() -> Scenario.resolve("nope")).hasMessageContaining("saturday-peak");
        assertThat(new SimulateCommand().run(new String[]{"--seed", "x"})).isEqualTo(2);
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
