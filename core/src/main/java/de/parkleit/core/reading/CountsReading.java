package de.parkleit.core.reading;

import de.parkleit.core.Ids;
import java.time.Instant;
import java.util.Objects;

/** Barrier counter deltas since the previous message of the same counter, with its sequence number. */
public record CountsReading(String facilityId, Instant ts, int entered, int exited, long seq) implements Reading {

    public CountsReading {
        Ids.require(facilityId, "facility id");
        Objects.requireNonNull(ts, "ts");
    }

    @Override
    public String seriesId() {
        return facilityId;
    }
}
