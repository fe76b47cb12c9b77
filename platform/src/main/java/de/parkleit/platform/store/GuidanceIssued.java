package de.parkleit.platform.store;

import de.parkleit.core.Ids;
import java.time.Instant;
import java.util.Objects;

/**
 * A driver was sent to a facility. Stored in {@code guidance_issued}; {@code (ts, facility, request)}
 * identifies it, so writing it again does not count it twice.
 *
 * @param requestId       id of the guidance request (one per driver request; a tag, so keep it an id)
 * @param probabilityFree predicted probability 0..1 that a space is free on arrival
 */
public record GuidanceIssued(Instant ts, String requestId, String facilityId, double probabilityFree) implements StoreEvent {
    public GuidanceIssued {
        Objects.requireNonNull(ts, "ts");
        Ids.require(requestId, "request id");
        Ids.require(facilityId, "facility id");
        if (!(probabilityFree >= 0 && probabilityFree <= 1)) {
            throw new IllegalArgumentException("probabilityFree must be within 0..1, got " + probabilityFree);
        }
    }
}
