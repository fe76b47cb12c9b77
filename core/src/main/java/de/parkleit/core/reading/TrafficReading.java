package de.parkleit.core.reading;

import de.parkleit.core.Ids;
import java.time.Instant;
import java.util.Objects;

/**
 * A loop detector interval: vehicles counted in {@code intervalS} seconds, mean speed and lane occupancy.
 *
 * @param speedKmh     mean speed, or null if the detector does not measure it
 * @param occupancyPct lane occupancy 0..100, or null
 */
public record TrafficReading(String detectorId, Instant ts, int intervalS, int count, Double speedKmh, Double occupancyPct)
        implements Reading {

    public TrafficReading {
        Ids.require(detectorId, "detector id");
        Objects.requireNonNull(ts, "ts");
    }

    @Override
    public String seriesId() {
        return detectorId;
    }
}
