package de.parkleit.prediction;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Options of {@code parkleit backtest} (parsed by the app's picocli {@code BacktestTool}):
 * {@code --occupancy FILE.csv[.gz] [--lots LOTS.csv] --train-until DATE [--test-until DATE] [--zone ZONE]
 * [--svg FILE] [--quiet]}, and for tuning on a validation split {@code [--profile-weeks N] [--recent-slots N]
 * [--trend-slots N]} (model settings, defaults in {@link ModelSettings#defaults()}). Dates are local dates in the zone; training uses targets before the start of
 * {@code --train-until}, testing forecasts from there to the start of {@code --test-until} (default: end of data).
 */
public record BacktestOptions(Path occupancy, Optional<Path> lots, LocalDate trainUntil, Optional<LocalDate> testUntil,
                              ZoneId zone, Optional<Path> svg, boolean quiet,
                              ModelSettings settings) {
}
