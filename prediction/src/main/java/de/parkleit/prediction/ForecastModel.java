package de.parkleit.prediction;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A trained forecasting model: per time-of-day block and grid horizon (see {@link Horizons}) the coefficients of
 * {@link ProfileFeatures}, and the distribution of past errors ({@link ErrorTable}), fitted for all facilities
 * together (in shares of capacity) and, where a facility had enough history, for that facility alone. Immutable and
 * thread-safe. Built by {@link ModelTrainer}.
 */
public final class ForecastModel {

    /** A cell of errors is used from this many errors on; below, the next more general one. */
    private static final double MIN_ERRORS = 200;

    private final ModelSettings settings;
    private final ProfileFeatures features;
    private final Coefficients[] city;
    private final Map<String, Coefficients[]> facilities;
    private final ErrorTable cityErrors;
    private final Map<String, ErrorTable> facilityErrors;
    private final long trainingSamples;

    /**
     * @param city           coefficients per time-of-day block for all facilities together
     * @param facilities     coefficients per block for single facilities (a null block uses the city's)
     * @param cityErrors     errors of all facilities' forecasts
     * @param facilityErrors errors of single facilities' forecasts
     * @param trainingSamples training origins at the shortest horizon, all facilities together
     */
    ForecastModel(ModelSettings settings, Coefficients[] city, Map<String, Coefficients[]> facilities,
                  ErrorTable cityErrors, Map<String, ErrorTable> facilityErrors, long trainingSamples) {
        this.trainingSamples = trainingSamples;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.features = new ProfileFeatures(settings);
        this.city = city.clone();
        this.facilities = Map.copyOf(facilities);
        this.cityErrors = cityErrors;
        this.facilityErrors = Map.copyOf(facilityErrors);
        cityErrors.freeze();
        facilityErrors.values().forEach(ErrorTable::freeze);
    }

    public ModelSettings settings() {
        return settings;
    }

    /**
     * Training origins at the shortest horizon (5 min), all facilities together. Zero means the history was too
     * short to fit anything: every forecast would be the last value.
     */
    public long trainingSamples() {
        return trainingSamples;
    }

    /** True if the model has coefficients of its own for this facility (else it uses the city-wide ones). */
    public boolean knowsFacility(String facilityId) {
        return facilities.containsKey(facilityId);
    }

    ProfileFeatures features() {
        return features;
    }

    /**
     * Forecast free share at {@code origin + h} slots, or NaN if the view has no value at the origin. Without a
     * profile (less than a week of history) the forecast is the current share (persistence).
     */
    double forecastShare(SeriesView v, long origin, int h) {
        ProfileFeatures.Origin o = features.origin(v, origin);
        if (o == null) {
            return v.shareAt(origin);
        }
        return forecastShare(v, o, h, new double[ProfileFeatures.COUNT]);
    }

    /** Forecast free share for a prepared origin; {@code buffer} holds the features afterwards. */
    double forecastShare(SeriesView v, ProfileFeatures.Origin o, int h, double[] buffer) {
        if (!features.features(v, o, h, buffer)) {
            return o.x0();
        }
        double change = coefficients(v.facilityId(), o.block()).change(h, buffer);
        return Math.max(0, Math.min(1, o.x0() + change));
    }

    /**
     * Probability that at least one space is free at the target, given the free spaces now and the forecast: one
     * minus the share of past forecasts at this horizon and level that ended full ({@link ErrorTable}), for the
     * facility where it has enough of them, else for all facilities.
     */
    double probabilityFree(String facilityId, double freeNow, double predictedFree, int h) {
        ErrorTable own = facilityErrors.get(facilityId);
        double full = Double.NaN;
        if (own != null && own.count(h, predictedFree, freeNow) >= MIN_ERRORS) {
            full = own.probabilityFull(h, predictedFree, freeNow, MIN_ERRORS);
        }
        if (Double.isNaN(full)) {
            full = cityErrors.probabilityFull(h, predictedFree, freeNow, MIN_ERRORS);
        }
        if (Double.isNaN(full)) {
            return errorsFor(facilityId, freeNow, predictedFree, h).probabilityAtLeast(0.5 - predictedFree);
        }
        return 1 - full;
    }

    /** Free spaces at cumulative probability {@code q} of the outcome, clamped to [0, capacity]. */
    double freeQuantile(String facilityId, double freeNow, double predictedFree, int h, double q, int capacity) {
        double e = errorsFor(facilityId, freeNow, predictedFree, h).quantile(q);
        return Double.isNaN(e) ? predictedFree : Math.max(0, Math.min(capacity, predictedFree + e));
    }

    Coefficients coefficients(String facilityId, int block) {
        Coefficients[] own = facilities.get(facilityId);
        return own != null && own[block] != null ? own[block] : city[block];
    }

    private ErrorDistribution errorsFor(String facilityId, double freeNow, double predictedFree, int h) {
        ErrorTable own = facilityErrors.get(facilityId);
        if (own != null && own.cell(h, predictedFree, freeNow).count() >= MIN_ERRORS) {
            return own.cell(h, predictedFree, freeNow);
        }
        ErrorDistribution level = cityErrors.cell(h, predictedFree, freeNow);
        return level.count() >= MIN_ERRORS ? level : cityErrors.pooled(h);
    }

    /** The fitted city-wide coefficients, one line per block and grid horizon, for logs and docs. */
    public String describe() {
        StringBuilder sb = new StringBuilder("features:");
        for (int j = 0; j < ProfileFeatures.NAMES.length; j++) {
            sb.append(String.format(Locale.ROOT, " f%d %s%s", j, ProfileFeatures.NAMES[j],
                    j + 1 < ProfileFeatures.NAMES.length ? "," : ""));
        }
        sb.append('\n').append(String.format(Locale.ROOT, "%-8s", "horizon"));
        for (int j = 0; j < ProfileFeatures.NAMES.length; j++) {
            sb.append(String.format(Locale.ROOT, " %8s", "f" + j));
        }
        sb.append('\n');
        for (int b = 0; b < city.length; b++) {
            sb.append("time-of-day block ").append(ProfileFeatures.blockName(b)).append('\n');
            for (int i = 0; i < Horizons.GRID.length; i++) {
                sb.append(String.format(Locale.ROOT, "%4d min", Horizons.GRID[i] * 5));
                for (double c : city[b].atGrid(i)) {
                    sb.append(String.format(Locale.ROOT, " %8.4f", c));
                }
                sb.append('\n');
            }
        }
        sb.append("own coefficients for ").append(facilities.size()).append(" facilities\n");
        return sb.toString();
    }
}
