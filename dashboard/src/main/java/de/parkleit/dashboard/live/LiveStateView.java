package de.parkleit.dashboard.live;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.core.state.FacilityState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The current state of each facility of the city, as last published on the retained state topics,
 * and the operator overrides in force. Confined to one thread (the dashboard verticle's context):
 * not thread-safe by design. Listeners get the id of each facility whose public picture changed.
 */
public final class LiveStateView {

    /** Outcome of offering a state to the view. */
    public enum Outcome { APPLIED, UNKNOWN_FACILITY, OUT_OF_ORDER }

    private final Clock clock;
    private final Map<String, Facility> facilities = new LinkedHashMap<>();
    private final Map<String, FacilityState> states = new LinkedHashMap<>();
    private final Map<String, FacilityOperation> operations = new LinkedHashMap<>();
    private final List<Consumer<String>> listeners = new ArrayList<>();

    public LiveStateView(List<Facility> facilities) {
        this(facilities, Clock.systemUTC());
    }

    public LiveStateView(List<Facility> facilities, Clock clock) {
        this.clock = clock;
        for (Facility f : facilities) {
            this.facilities.put(f.id(), f);
            states.put(f.id(), FacilityState.unknown(f.id(), f.capacity()));
        }
    }

    /** Called with the facility id after each change, in order, on the view's thread. */
    public void addListener(Consumer<String> l) {
        listeners.add(l);
    }

    /**
     * Applies a state unless it is for a facility this city does not have, or older than the one
     * held (a state with the same {@code updatedAt} replaces it: flags and status may change alone).
     */
    public Outcome apply(FacilityState s) {
        if (!facilities.containsKey(s.facilityId())) {
            return Outcome.UNKNOWN_FACILITY;
        }
        FacilityState old = states.get(s.facilityId());
        if (old.updatedAt() != null && s.updatedAt() != null && s.updatedAt().isBefore(old.updatedAt())) {
            return Outcome.OUT_OF_ORDER;
        }
        states.put(s.facilityId(), s);
        notify(s.facilityId());
        return Outcome.APPLIED;
    }

    /** Sets ({@code op} non-null) or clears the operator override of a facility. */
    public Outcome applyOperation(String facilityId, FacilityOperation op) {
        if (!facilities.containsKey(facilityId)) {
            return Outcome.UNKNOWN_FACILITY;
        }
        if (op == null) {
            if (operations.remove(facilityId) != null) {
                notify(facilityId);
            }
        } else {
            operations.put(facilityId, op);
            notify(facilityId);
        }
        return Outcome.APPLIED;
    }

    /** Drops overrides whose end time has passed and tells listeners; returns the ids affected. */
    public List<String> expireOperations() {
        List<String> expired = operations.values().stream()
                .filter(o -> !clock.instant().isBefore(o.until())).map(FacilityOperation::facilityId).toList();
        expired.forEach(id -> {
            operations.remove(id);
            notify(id);
        });
        return expired;
    }

    private void notify(String id) {
        for (Consumer<String> l : List.copyOf(listeners)) {
            l.accept(id);
        }
    }

    public List<Facility> facilities() {
        return List.copyOf(facilities.values());
    }

    public Optional<Facility> facility(String id) {
        return Optional.ofNullable(facilities.get(id));
    }

    /** The state of a facility of this city (unknown until one arrives); empty for other ids. */
    public Optional<FacilityState> state(String id) {
        return Optional.ofNullable(states.get(id));
    }

    /** The override in force now, if any (one that has not started yet or has ended does not count). */
    public Optional<FacilityOperation> activeOperation(String id) {
        FacilityOperation o = operations.get(id);
        return o != null && o.isActiveAt(clock.instant()) ? Optional.of(o) : Optional.empty();
    }

    /** Every override held, active or not yet started, in city order. */
    public List<FacilityOperation> operations() {
        return List.copyOf(operations.values());
    }

    public Clock clock() {
        return clock;
    }
}
