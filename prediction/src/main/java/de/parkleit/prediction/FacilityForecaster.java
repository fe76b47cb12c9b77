package de.parkleit.prediction;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Forecasts one facility's availability from its live readings. Feed it every reading in time order
 * ({@link #observe}); readings are cleaned as they come ({@link CleaningRules}) and kept on the five-minute slot
 * grid for as many weeks as the model looks back (a later reading in the same slot replaces an earlier one). To
 * start with history, feed the history first, oldest first: after {@code profileWeeks} weeks of it the forecasts
 * are at full strength, after one week they have a profile, before that they are persistence.
 *
 * <p>Thread-safe (methods are synchronized); cheap enough to call per guidance request: a forecast reads a few
 * hundred slots.
 */
public final class FacilityForecaster {

    /** A reading older than this (in slots) is not used as a starting point; the profile alone is. */
    private static final int MAX_ORIGIN_AGE_SLOTS = 24;

    private final String facilityId;
    private final ForecastModel model;
    private final SlotHistory history;
    private final LiveCleaner cleaner;

    public FacilityForecaster(String facilityId, int capacity, ZoneId zone, ForecastModel model,
                              CleaningRules rules) {
        this.facilityId = Objects.requireNonNull(facilityId, "facilityId");
        this.model = Objects.requireNonNull(model, "model");
        this.history = new SlotHistory(facilityId, new SlotClock(zone), capacity, model.settings().historyWeeks());
        this.cleaner = new LiveCleaner(rules);
    }

    public String facilityId() {
        return facilityId;
    }

    public synchronized int capacity() {
        return history.capacity();
    }

    /** Changes the capacity (e.g. a level closed for works); readings already kept are not rescaled. */
    public synchronized void setCapacity(int capacity) {
        history.setCapacity(capacity);
    }

    /**
     * Records a reading of free spaces. Returns false if the cleaning rules dropped it (above capacity, a 0 that
     * does not follow a near-full reading, a frozen daytime run) or it is older than the latest slot.
     */
    public synchronized boolean observe(Instant ts, double free) {
        return observe(ts, free, false);
    }

    /**
     * Records a reading; {@code reportedFull} marks an explicit "full" report, which counts as 0 free even where a
     * bare 0 would be taken for "not connected".
     */
    public synchronized boolean observe(Instant ts, double free, boolean reportedFull) {
        long slot = SlotClock.slotOf(ts);
        if (!history.isEmpty() && slot < history.latestSlot()) {
            return false;
        }
        return !Double.isNaN(cleaner.accept(history, slot, reportedFull ? 0 : free, reportedFull));
    }

    /** Records that there is no usable reading at {@code ts} (closed, no data): time moves on, nothing is kept. */
    public synchronized void observeMissing(Instant ts) {
        long slot = SlotClock.slotOf(ts);
        if (history.isEmpty() || slot > history.latestSlot()) {
            history.put(slot, Double.NaN);
        }
    }

    /**
     * The forecast for {@code arrival}, as seen at {@code now}: from the latest valid reading at most two hours
     * before {@code now}, with the model up to 24 hours after that reading; else from the profile alone. Empty if
     * there is neither a recent reading nor a profile.
     */
    public synchronized Optional<AvailabilityForecast> forecast(Instant now, Instant arrival) {
        long nowSlot = SlotClock.slotOf(now);
        long target = Math.max(nowSlot, SlotClock.slotOf(arrival.plusSeconds(SlotClock.SLOT_SECONDS / 2)));
        Instant when = arrival.isBefore(now) ? now : arrival;
        long origin = history.latestValidAtOrBefore(nowSlot, MAX_ORIGIN_AGE_SLOTS);
        if (origin != Long.MIN_VALUE && target - origin <= Horizons.MAX) {
            return Optional.of(fromOrigin(origin, (int) Math.max(1, target - origin), when));
        }
        return fromProfile(target, when);
    }

    /**
     * Forecasts from {@code now + step} to {@code now + span} (at most 24 h) every {@code step} (at least five
     * minutes): the day ahead for a planner chart or a "when will it be free" answer.
     */
    public synchronized List<AvailabilityForecast> dailyProfile(Instant now, Duration step, Duration span) {
        if (step.compareTo(Duration.ofMinutes(5)) < 0 || span.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("step must be >= 5 min and span <= 24 h, got " + step + ", " + span);
        }
        List<AvailabilityForecast> out = new ArrayList<>();
        for (Instant t = now.plus(step); !t.isAfter(now.plus(span)); t = t.plus(step)) {
            forecast(now, t).ifPresent(out::add);
        }
        return out;
    }

    /** The cleaned history as the forecaster sees it (for backtests and diagnostics; do not keep it). */
    synchronized SeriesView history() {
        return history;
    }

    private AvailabilityForecast fromOrigin(long origin, int h, Instant arrival) {
        double now = history.freeAt(origin);
        int capacity = history.capacity();
        ProfileFeatures.Origin o = model.features().origin(history, origin);
        double share = o == null ? history.shareAt(origin)
                : model.forecastShare(history, o, h, new double[ProfileFeatures.COUNT]);
        AvailabilityForecast.Method method = o == null ? AvailabilityForecast.Method.PERSISTENCE
                : AvailabilityForecast.Method.MODEL;
        return build(share * capacity, now, h, arrival, SlotClock.startOf(origin), method);
    }

    /** The profile at the target, or at the nearest slot up to 15 minutes away (readings may be sparse at night). */
    private Optional<AvailabilityForecast> fromProfile(long target, Instant arrival) {
        double share = Double.NaN;
        for (int d = 0; d <= 3 && Double.isNaN(share); d++) {
            share = model.features().profile(history, target - d);
            if (Double.isNaN(share)) {
                share = model.features().profile(history, target + d);
            }
        }
        if (Double.isNaN(share)) {
            return Optional.empty();
        }
        return Optional.of(build(share * history.capacity(), Double.POSITIVE_INFINITY, Horizons.MAX, arrival, null,
                AvailabilityForecast.Method.PROFILE));
    }

    private AvailabilityForecast build(double expected, double now, int h, Instant arrival, Instant basedOn,
                                       AvailabilityForecast.Method method) {
        int capacity = history.capacity();
        double p = model.probabilityFree(facilityId, now, expected, h);
        double low = model.freeQuantile(facilityId, now, expected, h, 0.1, capacity);
        double high = model.freeQuantile(facilityId, now, expected, h, 0.9, capacity);
        return new AvailabilityForecast(facilityId, arrival, basedOn, expected, capacity,
                Double.isNaN(p) ? (expected >= 0.5 ? 1 : 0) : Math.max(0, Math.min(1, p)),
                (int) Math.floor(Math.min(low, expected)), (int) Math.ceil(Math.max(high, expected)), method);
    }
}
