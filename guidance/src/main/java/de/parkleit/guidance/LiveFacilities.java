package de.parkleit.guidance;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.QualityFlag;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The city's facilities with their last live state from the retained state topics and the
 * operators' overrides from {@code {root}/ops/facility/{id}} (closed or reserved until a time,
 * winning over what sensors say while active). Written from one thread (the MQTT context), read
 * from any (guidance searches on workers): thread-safe.
 */
public final class LiveFacilities {

    /** Outcome of offering a state. */
    public enum Outcome { APPLIED, UNCHANGED, UNKNOWN_FACILITY, OUT_OF_ORDER }

    private final Map<String, Facility> facilities;
    private final Map<String, FacilityState> states = new ConcurrentHashMap<>();
    private final Map<String, FacilityOperation> operations = new ConcurrentHashMap<>();
    private final Duration staleAfter;

    public LiveFacilities(List<Facility> facilities, Duration staleAfter) {
        Map<String, Facility> m = new LinkedHashMap<>();
        facilities.forEach(f -> m.put(f.id(), f));
        this.facilities = java.util.Collections.unmodifiableMap(m);
        this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter");
        facilities.forEach(f -> states.put(f.id(), FacilityState.unknown(f.id(), f.capacity())));
    }

    /**
     * Applies a state unless it belongs to no facility of this city or is older than the one held
     * (the same {@code updatedAt} replaces it: status and flags may change alone).
     */
    public Outcome apply(FacilityState s) {
        if (!facilities.containsKey(s.facilityId())) {
            return Outcome.UNKNOWN_FACILITY;
        }
        FacilityState old = states.get(s.facilityId());
        if (old.updatedAt() != null && s.updatedAt() != null && s.updatedAt().isBefore(old.updatedAt())) {
            return Outcome.OUT_OF_ORDER;
        }
        if (s.equals(old)) {
            return Outcome.UNCHANGED;
        }
        states.put(s.facilityId(), s);
        return Outcome.APPLIED;
    }

    /**
     * Sets (or with {@code null} clears) the operator override of a facility.
     *
     * @return false for a facility this city does not have
     */
    public boolean applyOperation(String facilityId, FacilityOperation op) {
        if (!facilities.containsKey(facilityId)) {
            return false;
        }
        if (op == null) {
            operations.remove(facilityId);
        } else {
            operations.put(facilityId, op);
        }
        return true;
    }

    /** The operator override of a facility that is active at {@code now}, if any. */
    public Optional<FacilityOperation> operation(String facilityId, Instant now) {
        return Optional.ofNullable(operations.get(facilityId)).filter(o -> o.isActiveAt(now));
    }

    public List<Facility> facilities() {
        return List.copyOf(facilities.values());
    }

    public Optional<Facility> facility(String id) {
        return Optional.ofNullable(facilities.get(id));
    }

    /** The last state of a facility of this city (unknown until one arrives). */
    public FacilityState state(String id) {
        FacilityState s = states.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no facility " + id);
        }
        return s;
    }

    public Duration staleAfter() {
        return staleAfter;
    }

    /** What may be done with a facility at {@code now}: an active operator override, else {@link #classify}. */
    public Availability availability(String id, Instant now) {
        return classify(state(id), operations.get(id), now, staleAfter);
    }

    /** Like {@link #classify(FacilityState, Instant, Duration)}, with an operator override (may be null) winning while active. */
    public static Availability classify(FacilityState s, FacilityOperation op, Instant now, Duration staleAfter) {
        if (op != null && op.isActiveAt(now)) {
            return op.status() == FacilityStatus.RESERVED ? Availability.RESERVED : Availability.CLOSED;
        }
        return classify(s, now, staleAfter);
    }

    /**
     * Closed and reserved win over everything (an operator's word); otherwise a state without a
     * free count, with status unknown, flagged stale, or older than {@code staleAfter} is unknown.
     */
    public static Availability classify(FacilityState s, Instant now, Duration staleAfter) {
        if (s.status() == FacilityStatus.CLOSED) {
            return Availability.CLOSED;
        }
        if (s.status() == FacilityStatus.RESERVED) {
            return Availability.RESERVED;
        }
        if (s.free() == null || s.status() == FacilityStatus.UNKNOWN || s.flags().contains(QualityFlag.STALE)
                || s.updatedAt() == null || s.updatedAt().plus(staleAfter).isBefore(now)) {
            return Availability.UNKNOWN;
        }
        return Availability.OPEN;
    }
}
