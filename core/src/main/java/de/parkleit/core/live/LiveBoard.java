package de.parkleit.core.live;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.core.state.FacilityState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The live-state board of a city: its facilities, the last state of each from the retained state
 * topics, the operators' overrides from {@code {root}/ops/facility/{id}}, and from these the
 * {@link AvailabilityLevel}. One rule for every reader: a state is applied unless it belongs to no
 * facility of the city or is older than the one held (the same {@code updatedAt} replaces it:
 * status and flags may change alone); an active operator override wins over the sensors' status.
 * <p>
 * Thread-safe: written from the MQTT context, read from any thread (HTTP handlers, workers).
 * Applying a state is lock-free (one compare-and-set) and allocates nothing. Listeners are called
 * with the facility id after each change, on the writing thread.
 */
public final class LiveBoard {

    /** Outcome of offering a state or an operation. */
    public enum Outcome { APPLIED, UNCHANGED, UNKNOWN_FACILITY, OUT_OF_ORDER }

    private final Clock clock;
    private final Map<String, Facility> facilities;
    private final Map<String, FacilityState> states = new ConcurrentHashMap<>();
    private final Map<String, FacilityOperation> operations = new ConcurrentHashMap<>();
    /** Copy-on-write array: the per-state path iterates it without allocating. */
    @SuppressWarnings("unchecked")
    private volatile Consumer<String>[] listeners = new Consumer[0];

    public LiveBoard(List<Facility> facilities, Clock clock) {
        this.clock = clock;
        Map<String, Facility> m = new LinkedHashMap<>();
        for (Facility f : facilities) {
            m.put(f.id(), f);
            states.put(f.id(), FacilityState.unknown(f.id(), f.capacity()));
        }
        this.facilities = Collections.unmodifiableMap(m);
    }

    public LiveBoard(List<Facility> facilities) {
        this(facilities, Clock.systemUTC());
    }

    /** Called with the facility id after each change of its state or override. */
    public synchronized void addListener(Consumer<String> l) {
        Consumer<String>[] next = java.util.Arrays.copyOf(listeners, listeners.length + 1);
        next[listeners.length] = l;
        listeners = next;
    }

    /** Applies a state unless it is for another city's facility, older than the one held, or equal to it. */
    public Outcome apply(FacilityState s) {
        String id = s.facilityId();
        if (!facilities.containsKey(id)) {
            return Outcome.UNKNOWN_FACILITY;
        }
        while (true) {
            FacilityState old = states.get(id);
            if (old.updatedAt() != null && s.updatedAt() != null && s.updatedAt().isBefore(old.updatedAt())) {
                return Outcome.OUT_OF_ORDER;
            }
            if (s.equals(old)) {
                return Outcome.UNCHANGED;
            }
            if (states.replace(id, old, s)) {
                notify(id);
                return Outcome.APPLIED;
            }
        }
    }

    /** Sets ({@code op} non-null) or clears the operator override of a facility. */
    public Outcome applyOperation(String facilityId, FacilityOperation op) {
        if (!facilities.containsKey(facilityId)) {
            return Outcome.UNKNOWN_FACILITY;
        }
        FacilityOperation old = op == null ? operations.remove(facilityId) : operations.put(facilityId, op);
        if (op == null && old == null) {
            return Outcome.UNCHANGED;
        }
        notify(facilityId);
        return Outcome.APPLIED;
    }

    /** Drops overrides whose end has passed and tells listeners; returns the ids affected. */
    public List<String> expireOperations() {
        List<String> expired = new ArrayList<>();
        for (FacilityOperation o : operations.values()) {
            if (!clock.instant().isBefore(o.until()) && operations.remove(o.facilityId(), o)) {
                expired.add(o.facilityId());
                notify(o.facilityId());
            }
        }
        return expired;
    }

    private void notify(String id) {
        for (Consumer<String> l : listeners) {
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

    /** Like {@link #state}, without the Optional (for per-state paths): null for other ids. */
    public FacilityState stateOf(String id) {
        return states.get(id);
    }

    /** Like {@link #operation}, without the Optional (for per-state paths): the override held, or null. */
    public FacilityOperation operationOf(String id) {
        return operations.get(id);
    }

    /** The override held for a facility, active or not (callers with their own clock check {@code isActiveAt}). */
    public Optional<FacilityOperation> operation(String id) {
        return Optional.ofNullable(operations.get(id));
    }

    /** Every override held, active or not yet started, in city order. */
    public List<FacilityOperation> operations() {
        List<FacilityOperation> out = new ArrayList<>();
        for (String id : facilities.keySet()) {
            FacilityOperation o = operations.get(id);
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    /** The availability level of a facility of this city now (its state, its capacity, the override in force). */
    public AvailabilityLevel level(String id) {
        Facility f = facilities.get(id);
        if (f == null) {
            throw new IllegalArgumentException("no facility " + id);
        }
        FacilityState s = states.get(id);
        return AvailabilityLevel.of(s, activeOperation(id).orElse(null), s.capacity() > 0 ? s.capacity() : f.capacity());
    }

    public Clock clock() {
        return clock;
    }
}
