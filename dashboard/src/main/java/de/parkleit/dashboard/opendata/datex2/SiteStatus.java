package de.parkleit.dashboard.opendata.datex2;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.live.AvailabilityLevel;
import de.parkleit.core.live.LiveBoard;
import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.Trend;
import java.time.Instant;

/**
 * What both DATEX II status exports say about one facility now, read once from the board: counts only while the
 * {@link AvailabilityLevel} is neither closed nor stale (a stale or silent facility publishes no number, never an
 * old one), the opening status with an active operator override winning, and the override itself (reason, end).
 *
 * @param free      free spaces, null when no count is published
 * @param capacity  the state's capacity, else the facility's
 * @param updatedAt time of the reading the state comes from, null if never
 * @param operation the operator override in force, or null
 */
record SiteStatus(Facility facility, Integer free, int capacity, Trend trend, Instant updatedAt, AvailabilityLevel level,
                  Opening opening, FacilityOperation operation) {

    /** Opening status, before each version names it. */
    enum Opening { OPEN, CLOSED, RESERVED, UNKNOWN }

    static SiteStatus of(LiveBoard board, Facility f) {
        FacilityState s = board.stateOf(f.id());
        FacilityOperation op = board.activeOperation(f.id()).orElse(null);
        int capacity = s.capacity() > 0 ? s.capacity() : f.capacity();
        AvailabilityLevel level = AvailabilityLevel.of(s, op, capacity);
        FacilityStatus status = op != null ? op.status() : s.status();
        Opening opening = switch (status) {
            case CLOSED -> Opening.CLOSED;
            case RESERVED -> Opening.RESERVED;
            case OPEN -> level == AvailabilityLevel.STALE ? Opening.UNKNOWN : Opening.OPEN;
            case UNKNOWN -> Opening.UNKNOWN;
        };
        boolean counts = level != AvailabilityLevel.CLOSED && level != AvailabilityLevel.STALE;
        Integer free = counts ? Math.max(0, Math.min(capacity, s.free())) : null;
        return new SiteStatus(f, free, capacity, s.trend(), s.updatedAt(), level, opening, op);
    }

    boolean hasCounts() {
        return free != null;
    }

    int occupied() {
        return capacity - free;
    }

    /** Occupied share of the capacity in percent, one decimal. */
    double occupancyPercent() {
        return Math.round(1000.0 * occupied() / capacity) / 10.0;
    }

    /** {@code ParkingSiteStatusEnum} (v2.3) and {@code ParkingPlaceStatusEnum} (v3.6) name these alike; null when closed. */
    String siteStatus() {
        return switch (level) {
            case PLENTY, FEW -> "spacesAvailable";
            case ALMOST_FULL -> "almostFull";
            case FULL -> "full";
            case STALE -> "unknown";
            case CLOSED -> null;
        };
    }

    /** {@code ParkingOccupancyTrendEnum}, the same in both versions. */
    String occupancyTrend() {
        return switch (trend) {
            case FILLING -> "increasing";
            case EMPTYING -> "decreasing";
            case STEADY -> "stable";
            case UNKNOWN -> "unknown";
        };
    }
}
