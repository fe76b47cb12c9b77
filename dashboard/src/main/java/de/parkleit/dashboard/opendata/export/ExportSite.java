package de.parkleit.dashboard.opendata.export;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One facility of an export snapshot: its static record, its live state and the operator override in
 * force, if any. The derived views below are what every export format agrees on.
 */
public record ExportSite(Facility facility, FacilityState state, Optional<FacilityOperation> operation) {

    public ExportSite {
        Objects.requireNonNull(facility, "facility");
        Objects.requireNonNull(state, "state");
        operation = operation == null ? Optional.empty() : operation;
    }

    /** Capacity reported with the state, else the static capacity. */
    public int capacity() {
        return state.capacity() > 0 ? state.capacity() : facility.capacity();
    }

    /** The status in force: an operator override wins over the reported status. */
    public FacilityStatus status() {
        return operation.map(FacilityOperation::status).orElse(state.status());
    }

    /** Closed by the gateway or an operator (a reservation counts as closed to the public). */
    public boolean closed() {
        FacilityStatus s = status();
        return s == FacilityStatus.CLOSED || s == FacilityStatus.RESERVED;
    }

    /** Closed by an operator override (not by the facility's own report). */
    public boolean operatorClosure() {
        return operation.isPresent() && closed();
    }

    /** Free spaces when current and the facility is open; empty when unknown, stale or closed. */
    public Optional<Integer> currentFree() {
        if (closed() || state.free() == null || state.status() == FacilityStatus.UNKNOWN) {
            return Optional.empty();
        }
        return Optional.of(Math.max(0, Math.min(capacity(), state.free())));
    }

    /** Time of the reading behind the state, if any. */
    public Optional<Instant> updatedAt() {
        return Optional.ofNullable(state.updatedAt());
    }
}
