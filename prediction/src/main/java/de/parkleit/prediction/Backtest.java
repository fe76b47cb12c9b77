package de.parkleit.prediction;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * {@code parkleit backtest}: reads a Münster-format occupancy export, cleans it ({@link CleaningRules#defaults()}),
 * trains the model on data before {@code --train-until}, forecasts every five minutes after it and prints the mean
 * absolute error in spaces and in % of capacity at 15, 30 and 60 minutes for the model and three baselines
 * (persistence, plain weekday profile, HSL-style), for all days and for Saturdays.
 */
public final class Backtest {

    private final PrintStream out;
    private final PrintStream err;

    public Backtest(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the backtest and returns its scores (also printed). */
    public BacktestScores run(BacktestOptions o) throws IOException {
        long started = System.nanoTime();
        MuensterHistory history = MuensterHistory.load(o.occupancy(), o.lots(), o.zone(), CleaningRules.defaults());
        OccupancyExport export = history.raw();
        progress(o, String.format("read %d rows, %d skipped, %d in the repeated autumn hour, %d car parks",
                export.rows(), export.skippedRows(), export.repeatedLocalHourRows(), export.series().size()));
        printCleaning(history.reports());
        List<OccupancySeries> clean = history.clean();
        Instant trainUntil = startOf(o.trainUntil(), o);
        long testStart = SlotClock.slotOf(trainUntil);
        long dataEnd = clean.stream().mapToLong(OccupancySeries::latestSlot).max().orElse(testStart) + 1;
        long testEnd = o.testUntil().map(d -> SlotClock.slotOf(startOf(d, o))).orElse(dataEnd);
        ModelSettings settings = o.settings();
        ForecastModel model = new ModelTrainer(settings).onProgress(s -> progress(o, "train: " + s))
                .train(clean, trainUntil);
        progress(o, "coefficients (share of capacity):\n" + model.describe());
        List<PointForecaster> baselines = List.of(new PersistenceForecaster(), new WeekdayProfileForecaster(4),
                new HslForecaster());
        BacktestScores scores = new BacktestRun(new ModelForecaster(model), baselines, settings.historyWeeks(),
                s -> progress(o, s)).run(clean, testStart, testEnd);
        print(o, scores, started);
        if (o.svg().isPresent()) {
            String chartTitle = "MAE by horizon, forecasts from " + o.trainUntil()
                    + o.testUntil().map(d -> " until " + d).orElse("") + ", trained before " + o.trainUntil();
            Files.writeString(o.svg().get(), BacktestChart.svg(scores, chartTitle), StandardCharsets.UTF_8);
            progress(o, "wrote " + o.svg().get());
        }
        return scores;
    }

    private void printCleaning(List<CleaningReport> reports) {
        out.println("cleaning (valid readings before -> after; dropped above capacity / unconnected zeros / frozen):");
        for (CleaningReport c : reports) {
            out.printf(Locale.ROOT, "  %-34s %6d -> %6d (%4.0f %%); %d / %d / %d%n", c.facilityId(),
                    c.validBefore(), c.validAfter(), 100 * c.keptShare(), c.aboveCapacity(), c.unconnectedZeros(),
                    c.frozen());
        }
    }

    private void print(BacktestOptions o, BacktestScores scores, long started) {
        out.println();
        out.println(title(o));
        out.println("MAE, all days:");
        out.print(scores.table(BacktestScores.Subset.ALL));
        out.println("MAE, Saturdays:");
        out.print(scores.table(BacktestScores.Subset.SATURDAYS));
        out.println("MAE, daytime origins 06:00-21:00 (at night the feed repeats values):");
        out.print(scores.table(BacktestScores.Subset.DAYTIME));
        out.println("MAE at longer horizons, all days:");
        out.print(scores.longTable());
        out.println();
        out.print(scores.facilityTable());
        out.println();
        out.print(scores.hourTable());
        out.println();
        out.print(scores.probabilityTable());
        out.printf(Locale.ROOT, "done in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static String title(BacktestOptions o) {
        LocalDate lastDay = o.testUntil().orElse(null);
        return "backtest: trained on data before " + o.trainUntil() + ", forecasts every 5 min from " + o.trainUntil()
                + (lastDay == null ? " to the end of the data" : " until " + lastDay + " (exclusive)");
    }

    private static Instant startOf(LocalDate d, BacktestOptions o) {
        return d.atStartOfDay(o.zone()).toInstant();
    }

    private void progress(BacktestOptions o, String message) {
        if (!o.quiet()) {
            err.println(message);
        }
    }
}
