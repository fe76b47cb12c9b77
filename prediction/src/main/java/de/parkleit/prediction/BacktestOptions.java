package de.parkleit.prediction;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Options of {@code parkleit backtest}:
 * {@code --occupancy FILE.csv[.gz] [--lots LOTS.csv] --train-until DATE [--test-until DATE] [--zone ZONE]
 * [--svg FILE] [--quiet]}, and for tuning on a validation split {@code [--profile-weeks N] [--recent-slots N]
 * [--trend-slots N]} (model settings, defaults in {@link ModelSettings#defaults()}). Dates are local dates in the zone; training uses targets before the start of
 * {@code --train-until}, testing forecasts from there to the start of {@code --test-until} (default: end of data).
 */
public record BacktestOptions(Path occupancy, Optional<Path> lots, LocalDate trainUntil, Optional<LocalDate> testUntil,
                              ZoneId zone, Optional<Path> svg, boolean quiet,
                              ModelSettings settings) {

    public static final String USAGE = "usage: backtest --occupancy FILE.csv[.gz] [--lots LOTS.csv] "
            + "--train-until YYYY-MM-DD [--test-until YYYY-MM-DD] [--zone Europe/Berlin] [--svg FILE.svg] [--quiet]"
            + " [--profile-weeks N] [--recent-slots N] [--trend-slots N]";

    /** Parses the arguments; throws {@link IllegalArgumentException} with a message fit for the user. */
    public static BacktestOptions parse(String[] args) {
        Path occupancy = null;
        Path lots = null;
        LocalDate trainUntil = null;
        LocalDate testUntil = null;
        ZoneId zone = ZoneId.of("Europe/Berlin");
        Path svg = null;
        boolean quiet = false;
        ModelSettings d = ModelSettings.defaults();
        int weeks = d.profileWeeks();
        int recent = d.recentSlots();
        int trend = d.trendSlots();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--occupancy" -> occupancy = Path.of(value(args, ++i, a));
                case "--lots" -> lots = Path.of(value(args, ++i, a));
                case "--train-until" -> trainUntil = date(value(args, ++i, a), a);
                case "--test-until" -> testUntil = date(value(args, ++i, a), a);
                case "--zone" -> zone = zone(value(args, ++i, a));
                case "--svg" -> svg = Path.of(value(args, ++i, a));
                case "--quiet" -> quiet = true;
                case "--profile-weeks" -> weeks = integer(value(args, ++i, a), a);
                case "--recent-slots" -> recent = integer(value(args, ++i, a), a);
                case "--trend-slots" -> trend = integer(value(args, ++i, a), a);
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        if (occupancy == null || trainUntil == null) {
            throw new IllegalArgumentException("--occupancy and --train-until are required\n" + USAGE);
        }
        if (testUntil != null && !testUntil.isAfter(trainUntil)) {
            throw new IllegalArgumentException("--test-until must be after --train-until");
        }
        return new BacktestOptions(occupancy, Optional.ofNullable(lots), trainUntil, Optional.ofNullable(testUntil),
                zone, Optional.ofNullable(svg), quiet,
                new ModelSettings(weeks, recent, trend, Math.max(weeks, 3) + 2));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static LocalDate date(String s, String option) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be a date like 2024-07-01, got " + s, e);
        }
    }

    private static int integer(String s, String option) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, got " + s, e);
        }
    }

    private static ZoneId zone(String s) {
        try {
            return ZoneId.of(s);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--zone must be a time zone id like Europe/Berlin, got " + s, e);
        }
    }
}
