package de.parkleit.core.reading;

import de.parkleit.core.Ids;
import java.time.Instant;
import java.util.Objects;

/** A single-space sensor: is this space occupied. */
public record SpaceReading(String facilityId, String spaceId, Instant ts, boolean occupied) implements Reading {

    public SpaceReading {
        Ids.require(facilityId, "facility id");
        Ids.require(spaceId, "space id");
        Objects.requireNonNull(ts, "ts");
    }

    @Override
    public String seriesId() {
        return facilityId;
    }
}
