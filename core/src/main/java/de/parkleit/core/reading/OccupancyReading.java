package de.parkleit.core.reading;

import de.parkleit.core.Ids;
import java.time.Instant;
import java.util.Objects;

/**
 * Absolute occupancy of a facility: free spaces now.
 *
 * @param capacity capacity reported with the reading, or null if the gateway did not send one
 * @param status   status reported with the reading, or null
 */
public record OccupancyReading(String facilityId, Instant ts, int free, Integer capacity, FacilityStatus status)
        implements Reading {

    public OccupancyReading {
        Ids.require(facilityId, "facility id");
        Objects.requireNonNull(ts, "ts");
    }

    @Override
    public String seriesId() {
        return facilityId;
    }
}
