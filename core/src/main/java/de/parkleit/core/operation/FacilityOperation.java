package de.parkleit.core.operation;

import de.parkleit.core.Ids;
import de.parkleit.core.reading.FacilityStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * An operator set a facility closed or reserved (events, markets, maintenance) until a time.
 * Published retained on {@code {root}/ops/facility/{id}}; an empty retained payload clears it.
 * Every service applies it while {@link #isActiveAt(Instant)}: the status overrides what sensors say.
 *
 * @param status CLOSED or RESERVED
 * @param reason short text for planners and drivers (at most 200 characters, no control characters)
 * @param until  when the override ends by itself (exclusive)
 * @param by     user who set it
 * @param at     when it was set
 */
public record FacilityOperation(String facilityId, FacilityStatus status, String reason, Instant until, String by, Instant at) {

    public static final int MAX_REASON = 200;

    public FacilityOperation {
        Ids.require(facilityId, "facility id");
        Objects.requireNonNull(status, "status");
        if (status != FacilityStatus.CLOSED && status != FacilityStatus.RESERVED) {
            throw new IllegalArgumentException("status must be closed or reserved, got " + status.wireName());
        }
        Objects.requireNonNull(reason, "reason");
        reason = reason.strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON || reason.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("reason must be 1.." + MAX_REASON + " characters without control characters");
        }
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(at, "at");
        if (!until.isAfter(at)) {
            throw new IllegalArgumentException("until must be after the time it is set (" + at + "), got " + until);
        }
        by = by == null ? "" : by;
    }

    public boolean isActiveAt(Instant now) {
        return !now.isBefore(at) && now.isBefore(until);
    }
}
