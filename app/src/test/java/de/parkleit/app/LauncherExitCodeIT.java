package de.parkleit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code ./parkleit} launcher passes the command's exit code and output through (run on the packaged jar). */
class LauncherExitCodeIT {

    static final Path LAUNCHER = Path.of("../parkleit").toAbsolutePath().normalize();

    record Result(int exit, String output) {
    }

    static Result launch(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = LAUNCHER.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PARKLEIT_SKIP_BUILD", "1");
        pb.environment().put("PARKLEIT_JAVA_OPTS", "-Xmx128m");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    @Test
    void helpIsZeroUnknownOptionIsTwoFailureIsOne() throws Exception {
        assertThat(Files.isExecutable(LAUNCHER)).isTrue();
        Result help = launch("replay", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.output()).contains("Usage: parkleit replay");

        Result unknown = launch("simulate", "--bogus");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.output()).contains("Unknown option: '--bogus'");

        Result failed = launch("backtest", "--occupancy", "does-not-exist.csv", "--train-until", "2024-07-01", "--quiet");
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.output()).contains("backtest failed");
    }
}
