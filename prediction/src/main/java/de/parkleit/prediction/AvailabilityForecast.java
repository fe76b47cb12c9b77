package de.parkleit.prediction;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a facility will probably have free at an arrival time.
 *
 * @param facilityId      the facility
 * @param arrival         the time the forecast is for
 * @param basedOn         time of the latest valid reading the forecast starts from; null for {@link Method#PROFILE}
 * @param expectedFree    expected free spaces (median forecast, 0..capacity, not rounded)
 * @param capacity        capacity used
 * @param probabilityFree probability that at least one space is free at arrival (0..1)
 * @param lowFree         free spaces that the outcome falls below with 10 % probability
 * @param highFree        free spaces that the outcome exceeds with 10 % probability
 * @param method          how the forecast was made
 */
public record AvailabilityForecast(String facilityId, Instant arrival, Instant basedOn, double expectedFree,
                                   int capacity, double probabilityFree, int lowFree, int highFree, Method method) {

    /** How a forecast was made. */
    public enum Method {
        /** The trained model from a recent reading (the normal case). */
        MODEL,
        /** The latest reading carried forward: less than a week of history, so no profile yet. */
        PERSISTENCE,
        /** The weekday x time-of-day profile alone: no valid reading in the last two hours, or arrival beyond 24 h. */
        PROFILE
    }

    public AvailabilityForecast {
        Objects.requireNonNull(facilityId, "facilityId");
        Objects.requireNonNull(arrival, "arrival");
        Objects.requireNonNull(method, "method");
        if (!(probabilityFree >= 0 && probabilityFree <= 1)) {
            throw new IllegalArgumentException("probabilityFree must be in [0, 1], got " + probabilityFree);
        }
    }

    /** Time from the reading the forecast starts from to arrival (zero for {@link Method#PROFILE}). */
    public Duration horizon() {
        return basedOn == null ? Duration.ZERO : Duration.between(basedOn, arrival);
    }

    /** Expected free share of capacity (0..1). */
    public double expectedFreeShare() {
        return expectedFree / capacity;
    }
}
