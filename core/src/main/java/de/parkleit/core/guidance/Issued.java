package de.parkleit.core.guidance;

import de.parkleit.core.Ids;
import java.time.Instant;
import java.util.Objects;

/**
 * A recommendation given to one driver: it counts against the facility's predicted free spaces
 * until {@code countsUntil} (expected arrival plus a grace, at most the hold time), after which
 * the live state reflects the car.
 *
 * @param instanceId the guidance instance that issued it (issued recommendations are shared between instances)
 */
public record Issued(String requestId, String facilityId, Instant issuedAt, Instant countsUntil, double probabilityFree,
                     String instanceId) {

    public Issued {
        Ids.require(requestId, "request id");
        Ids.require(facilityId, "facility id");
        Ids.require(instanceId, "instance id");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(countsUntil, "countsUntil");
        if (!(probabilityFree >= 0 && probabilityFree <= 1)) {
            throw new IllegalArgumentException("probabilityFree must be within 0..1, got " + probabilityFree);
        }
    }
}
