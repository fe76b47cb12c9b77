package de.parkleit.prediction.forecast;

import de.parkleit.core.facility.Facility;
import de.parkleit.platform.store.TimeSeriesStore;
import de.parkleit.prediction.AvailabilityPredictor;
import de.parkleit.prediction.CleaningRules;
import de.parkleit.prediction.ForecastModel;
import de.parkleit.prediction.ModelSettings;
import de.parkleit.prediction.ModelTrainer;
import de.parkleit.prediction.OccupancySeries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One training run: reads the last {@link ForecastConfig#historyWeeks()} weeks from the store, fits a
 * {@link ForecastModel} on them ({@link ModelTrainer} with {@link ForecastConfig#warmupWeeks()}) and builds a fresh
 * {@link AvailabilityPredictor} that already holds that history. Blocking, seconds of CPU: run it on a worker.
 */
public final class ForecastTraining {

    /**
     * What a run produced.
     *
     * @param series   facilities with history
     * @param readings five-minute values kept after cleaning, all facilities together
     * @param took     wall-clock time of the run
     */
    public record Result(AvailabilityPredictor predictor, ForecastModel model, int series, long readings, Instant until,
                         Duration took) {

        /** True if the history was long enough to fit the model (else every forecast would be the last value). */
        public boolean trained() {
            return model.trainingSamples() > 0;
        }

        public String describe() {
            return String.format(java.util.Locale.ROOT, "%d facilities with history, %d five-minute values, %d training "
                    + "samples, %d with own coefficients, %d ms", series, readings, model.trainingSamples(),
                    predictor.facilities().stream().filter(model::knowsFacility).count(), took.toMillis());
        }
    }

    private final TimeSeriesStore store;
    private final List<Facility> facilities;
    private final ForecastConfig config;
    private final CleaningRules rules = CleaningRules.defaults();

    public ForecastTraining(TimeSeriesStore store, List<Facility> facilities, ForecastConfig config) {
        this.store = Objects.requireNonNull(store, "store");
        this.facilities = List.copyOf(facilities);
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Trains on the history before {@code now}. */
    public Result run(Instant now) {
        long t0 = System.nanoTime();
        List<OccupancySeries> series = StoreHistory.load(store, facilities, now, config.historyWeeks(), config.zone(), rules);
        return fit(series, now, config, t0);
    }

    /** Trains on given clean series (e.g. a city's export) instead of the store's. */
    public static Result fit(List<OccupancySeries> series, Instant now, ForecastConfig config) {
        return fit(series, now, config, System.nanoTime());
    }

    private static Result fit(List<OccupancySeries> series, Instant now, ForecastConfig config, long t0) {
        CleaningRules rules = CleaningRules.defaults();
        ForecastModel model = new ModelTrainer(ModelSettings.defaults()).warmupWeeks(config.warmupWeeks()).train(series, now);
        AvailabilityPredictor predictor = new AvailabilityPredictor(model, config.zone(), rules);
        long kept = 0;
        for (OccupancySeries s : series) {
            kept += predictor.observeHistory(s);
        }
        return new Result(predictor, model, series.size(), kept, now, Duration.ofNanos(System.nanoTime() - t0));
    }
}
