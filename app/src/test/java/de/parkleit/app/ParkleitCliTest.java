package de.parkleit.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.platform.config.Env;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command, as registered in {@link Parkleit#commandLine}, answers --help and -V and rejects unknown options alike. */
class ParkleitCliTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Parkleit.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    /**
     * The root command and every subcommand at any depth ({@code feed check} too), read from the command tree so a
     * newly registered one is covered.
     */
    static Stream<List<String>> commands() {
        return walk(List.of(), Parkleit.commandLine(Env.system()));
    }

    private static Stream<List<String>> walk(List<String> path, picocli.CommandLine cl) {
        return Stream.concat(Stream.of(path), cl.getSubcommands().entrySet().stream().flatMap(e -> {
            List<String> sub = Stream.concat(path.stream(), Stream.of(e.getKey())).toList();
            return walk(sub, e.getValue());
        }));
    }

    /** What a command needs before picocli looks at unknown options (it reports missing required options first). */
    private static List<String> requiredArgs(List<String> command) {
        return switch (String.join(" ", command)) {
            case "backtest" -> List.of("--occupancy", "a.csv", "--train-until", "2024-07-01");
            case "feed check" -> List.of("--format", "datex2", "--file", "a.xml");
            case "city init" -> List.of("--name", "x", "--osm", "a.osm.pbf", "--out", "d");
            case "city check" -> List.of("d");
            default -> List.of();
        };
    }

    @Test
    void helpNamesACommandAndRejectsAnUnknownOne() {
        Run r = run("help", "simulate");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Usage: parkleit simulate");
        assertThat(run("help", "nope").exit()).isEqualTo(2);
    }

    @Test
    void aMissingRequiredOptionExitsTwo() {
        Run r = run("backtest", "--no-such-option");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Usage: parkleit backtest");
    }

    @Test
    void theToolsAreRegistered() {
        assertThat(Parkleit.commandLine(Env.system()).getSubcommands().keySet())
                .contains("demo", "serve", "backtest", "simulate", "replay", "completion", "help");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpExitsZeroWithAUsageLine(List<String> command) {
        for (String flag : new String[] {"--help", "-h"}) {
            Run r = run(Stream.concat(command.stream(), Stream.of(flag)).toArray(String[]::new));
            assertThat(r.exit()).as("%s %s: %s", command, flag, r.err()).isZero();
            assertThat(r.out()).startsWith("Usage: parkleit" + (command.isEmpty() ? "" : " " + String.join(" ", command)));
            assertThat(r.out()).contains("-h, --help");
        }
    }

    @ParameterizedTest
    @MethodSource("commands")
    void versionExitsZero(List<String> command) {
        Run r = run(Stream.concat(command.stream(), Stream.of("-V")).toArray(String[]::new));
        assertThat(r.exit()).as("%s -V", command).isZero();
        assertThat(r.out()).startsWith("parkleit 0.1.0");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void anUnknownOptionExitsTwoWithTheUsage(List<String> command) {
        Run r = run(Stream.of(command, requiredArgs(command), List.of("--no-such-option")).flatMap(List::stream).toArray(String[]::new));
        assertThat(r.exit()).as("%s --no-such-option", command).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--no-such-option'").contains("Usage: parkleit");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void typedOptionsShowTheirDefaultsAndRejectBadValuesWithExitTwo() {
        assertThat(run("simulate", "--help").out()).contains("--compliance=0..1", "Default: 0.5", "Default: saturday-peak");
        assertThat(run("backtest", "--help").out()).contains("Default: Europe/Berlin", "Default: 8");

        Run badShare = run("simulate", "--compliance", "1.5");
        assertThat(badShare.exit()).isEqualTo(2);
        assertThat(badShare.err()).contains("--compliance must be a number between 0 and 1, got 1.5", "Usage: parkleit simulate");
        assertThat(run("simulate", "--guidance", "maybe").err()).contains("--guidance", "must be on or off");
        assertThat(run("simulate", "--mode", "slow").exit()).isEqualTo(2);
        assertThat(run("simulate", "--seed", "x").exit()).isEqualTo(2);

        Run missing = run("backtest", "--occupancy", "a.csv");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option: '--train-until=YYYY-MM-DD'");
        Run date = run("backtest", "--occupancy", "a.csv", "--train-until", "July");
        assertThat(date.exit()).isEqualTo(2);
        assertThat(date.err()).contains("--train-until", "July");
        assertThat(run("backtest", "--occupancy", "a", "--train-until", "2024-07-01", "--test-until", "2024-06-01").err())
                .contains("--test-until must be after --train-until");

        assertThat(run("replay", "--format", "xml").err()).contains("must be native, ttn, chirpstack or senml");
        assertThat(run("replay", "--days").exit()).isEqualTo(2);
    }

    @Test
    void aBacktestOnAMissingFileFailsWithOne() {
        assertThat(run("backtest", "--occupancy", "does-not-exist.csv", "--train-until", "2024-07-01", "--quiet").exit())
                .isEqualTo(1);
    }

    @Test
    void completionPrintsABashScriptCoveringEveryCommand() {
        Run r = run("completion");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("complete -F _complete_parkleit", "backtest", "simulate", "replay", "--train-until",
                "--compliance", "--http-port");
    }
}
