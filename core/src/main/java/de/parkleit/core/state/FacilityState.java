package de.parkleit.core.state;

import de.parkleit.core.Ids;
import de.parkleit.core.reading.FacilityStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Normalised live state of one facility, as published retained on {@code parkleit/v1/state/facility/{id}}.
 *
 * @param free      free spaces, or null when unknown (stale or never reported): never an old number
 * @param updatedAt time of the reading this state comes from, or null if never
 */
public record FacilityState(String facilityId, Integer free, int capacity, FacilityStatus status, Trend trend,
                            Instant updatedAt, Set<QualityFlag> flags) {

    public FacilityState {
        Ids.require(facilityId, "facility id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(trend, "trend");
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /** The state of a facility nobody has reported on yet. */
    public static FacilityState unknown(String facilityId, int capacity) {
        return new FacilityState(facilityId, null, capacity, FacilityStatus.UNKNOWN, Trend.UNKNOWN, null, Set.of());
    }

    /** Share of capacity that is free, 0..1, or NaN if unknown. */
    public double freeShare() {
        if (free == null || capacity <= 0) {
            return Double.NaN;
        }
        return Math.max(0, Math.min(1, free / (double) capacity));
    }
}
