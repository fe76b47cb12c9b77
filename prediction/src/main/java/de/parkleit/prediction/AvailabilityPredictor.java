package de.parkleit.prediction;

import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.QualityFlag;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Availability forecasts for all facilities of a city: the entry point for guidance. One {@link ForecastModel}
 * (trained by {@link ModelTrainer} on the city's history, or on any city's: it works in shares of capacity) and one
 * {@link FacilityForecaster} per facility, created on first sight.
 *
 * <p>Wiring: bootstrap with the stored history ({@link #observe(String, int, Instant, double)} per bucket, oldest
 * first, e.g. the 5-minute {@code TimeSeriesStore.occupancyHistory} means of the last {@code historyWeeks} weeks,
 * or {@link #observeHistory} with a series), then call {@link #observe(FacilityState)} on every live state change, and {@link #forecast} per facility per
 * guidance request. Thread-safe; pure Java, no I/O; calls take microseconds.
 * Operator states are guidance's business: a closed or reserved facility still gets a forecast here (its history
 * simply has a gap), guidance must not recommend it.
 */
public final class AvailabilityPredictor {

    private final ForecastModel model;
    private final ZoneId zone;
    private final CleaningRules rules;
    private final ConcurrentMap<String, FacilityForecaster> facilities = new ConcurrentHashMap<>();

    /**
     * @param zone  the city's time zone (weekday and time of day are local)
     * @param rules cleaning of live readings; {@link CleaningRules#defaults()} fits feeds where a bare 0 may mean
     *              "not connected", as in the Münster export
     */
    public AvailabilityPredictor(ForecastModel model, ZoneId zone, CleaningRules rules) {
        this.model = Objects.requireNonNull(model, "model");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * Records a live state. A state without a free count or time, one that is not {@code OPEN} (closed, reserved,
     * unknown), or one flagged {@code STALE} or {@code OUT_OF_RANGE} counts as "no usable reading" at its time.
     * Returns true if the free count was kept.
     */
    public boolean observe(FacilityState state) {
        FacilityForecaster f = state.capacity() > 0 ? forecaster(state.facilityId(), state.capacity())
                : facilities.get(state.facilityId());
        if (state.updatedAt() == null || f == null) {
            return false;
        }
        if (state.capacity() > 0 && state.capacity() != f.capacity()) {
            f.setCapacity(state.capacity());
        }
        boolean usable = state.free() != null && state.status() == FacilityStatus.OPEN
                && !state.flags().contains(QualityFlag.STALE) && !state.flags().contains(QualityFlag.OUT_OF_RANGE);
        if (!usable) {
            f.observeMissing(state.updatedAt());
            return false;
        }
        return f.observe(state.updatedAt(), state.free());
    }

    /** Records one reading (or history bucket) of free spaces; readings must come in time order per facility. */
    public boolean observe(String facilityId, int capacity, Instant ts, double free) {
        return forecaster(facilityId, capacity).observe(ts, free);
    }

    /**
     * Feeds a whole (cleaned) series as history of its facility, oldest first, e.g. from
     * {@link MuensterHistory#load} or built from the store with {@link OccupancySeries#builder}. Slots up to the
     * facility's latest reading are skipped. Returns the number of readings kept.
     */
    public int observeHistory(OccupancySeries series) {
        FacilityForecaster f = forecaster(series.facilityId(), series.capacity());
        int kept = 0;
        for (long s = series.firstSlot(); s <= series.latestSlot(); s++) {
            double free = series.freeAt(s);
            if (!Double.isNaN(free) && f.observe(SlotClock.startOf(s), free, series.isFullByCode(s))) {
                kept++;
            }
        }
        return kept;
    }

    /** Forecast for one facility at {@code arrival}, seen at {@code now}; empty for an unknown facility. */
    public Optional<AvailabilityForecast> forecast(String facilityId, Instant now, Instant arrival) {
        FacilityForecaster f = facilities.get(facilityId);
        return f == null ? Optional.empty() : f.forecast(now, arrival);
    }

    /** Forecasts every {@code step} up to {@code span} (at most 24 h) ahead; empty for an unknown facility. */
    public List<AvailabilityForecast> dailyProfile(String facilityId, Instant now, Duration step, Duration span) {
        FacilityForecaster f = facilities.get(facilityId);
        return f == null ? List.of() : f.dailyProfile(now, step, span);
    }

    /** Facilities seen so far. */
    public Set<String> facilities() {
        return Set.copyOf(facilities.keySet());
    }

    /** The forecaster of one facility, created with {@code capacity} if new. */
    public FacilityForecaster forecaster(String facilityId, int capacity) {
        return facilities.computeIfAbsent(facilityId, id -> new FacilityForecaster(id, capacity, zone, model, rules));
    }
}
