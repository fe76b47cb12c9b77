package de.parkleit.app;

import de.parkleit.prediction.Backtest;
import de.parkleit.prediction.BacktestOptions;
import de.parkleit.prediction.ModelSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code parkleit backtest}: forecast accuracy on a real occupancy export ({@link Backtest}). */
@Command(name = "backtest", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Forecast accuracy on a real Münster-format occupancy export: trains on the data before --train-until,",
                "forecasts every five minutes after it and prints the mean absolute error of the model and three baselines."})
final class BacktestTool implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--occupancy", required = true, paramLabel = "FILE.csv[.gz]", description = "occupancy export (Münster format)")
    Path occupancy;

    @Option(names = "--lots", paramLabel = "LOTS.csv", description = "car park list with capacities (Münster format)")
    Path lots;

    @Option(names = "--train-until", required = true, paramLabel = "YYYY-MM-DD", description = "training uses data before the start of this day")
    LocalDate trainUntil;

    @Option(names = "--test-until", paramLabel = "YYYY-MM-DD", description = "testing ends at the start of this day (default: end of data)")
    LocalDate testUntil;

    @Option(names = "--zone", paramLabel = "ZONE", description = "time zone of the dates and the data")
    ZoneId zone = ZoneId.of("Europe/Berlin");

    @Option(names = "--svg", paramLabel = "FILE.svg", description = "also write the error-by-horizon chart")
    Path svg;

    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    @Option(names = "--profile-weeks", paramLabel = "N", description = "model setting: weeks the weekday profile averages")
    int profileWeeks = ModelSettings.defaults().profileWeeks();

    @Option(names = "--recent-slots", paramLabel = "N", description = "model setting: five-minute slots in the recent window")
    int recentSlots = ModelSettings.defaults().recentSlots();

    @Option(names = "--trend-slots", paramLabel = "N", description = "model setting: slots the recent trend spans")
    int trendSlots = ModelSettings.defaults().trendSlots();

    @Override
    public Integer call() {
        if (testUntil != null && !testUntil.isAfter(trainUntil)) {
            throw new ParameterException(spec.commandLine(), "--test-until must be after --train-until");
        }
        if (profileWeeks < 1 || recentSlots < 1 || trendSlots < 1) {
            throw new ParameterException(spec.commandLine(), "--profile-weeks, --recent-slots and --trend-slots must be at least 1");
        }
        BacktestOptions o = new BacktestOptions(occupancy, Optional.ofNullable(lots), trainUntil, Optional.ofNullable(testUntil),
                zone, Optional.ofNullable(svg), quiet,
                new ModelSettings(profileWeeks, recentSlots, trendSlots, Math.max(profileWeeks, 3) + 2));
        try {
            new Backtest(System.out, System.err).run(o);
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("backtest failed: " + e.getMessage());
            return 1;
        }
    }
}
