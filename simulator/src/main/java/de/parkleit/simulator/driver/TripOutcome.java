package de.parkleit.simulator.driver;

import java.time.Instant;

/**
 * What happened on one trip. Search starts at the first facility that did not let the driver
 * straight in; it covers queueing and driving on until parked (or giving up).
 *
 * @param behaviour      {@code guided}, {@code signs} or {@code own}
 * @param parkedAt       facility id, or null if the driver gave up
 * @param searchSeconds  0 for drivers who parked at their first facility without waiting
 * @param queueSeconds   part of the search spent waiting at entrances
 * @param fullArrivals   arrivals at facilities with no free space
 */
public record TripOutcome(int tripId, Instant departAt, String behaviour, String firstTarget, String parkedAt,
                          Instant parkedTime, double approachMeters, double approachSeconds, double searchMeters,
                          double searchSeconds, double queueSeconds, int fullArrivals, double walkMeters, boolean gaveUp) {

    public double drivenMeters() {
        return approachMeters + searchMeters;
    }

    public boolean searched() {
        return searchSeconds > 0 || searchMeters > 0;
    }
}
