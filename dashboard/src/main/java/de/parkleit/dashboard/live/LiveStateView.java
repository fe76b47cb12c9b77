package de.parkleit.dashboard.live;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.state.FacilityState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The current state of each facility of the city, as last published on the retained state topics.
 * Confined to one thread (the dashboard verticle's context): not thread-safe by design.
 */
public final class LiveStateView {

    /** Outcome of offering a state to the view. */
    public enum Outcome { APPLIED, UNKNOWN_FACILITY, OUT_OF_ORDER }

    private final Map<String, Facility> facilities = new LinkedHashMap<>();
    private final Map<String, FacilityState> states = new LinkedHashMap<>();
    private final List<Consumer<FacilityState>> listeners = new ArrayList<>();

    public LiveStateView(List<Facility> facilities) {
        for (Facility f : facilities) {
            this.facilities.put(f.id(), f);
            states.put(f.id(), FacilityState.unknown(f.id(), f.capacity()));
        }
    }

    /** Called with each applied state, in order, on the view's thread. */
    public void addListener(Consumer<FacilityState> l) {
        listeners.add(l);
    }

    public void removeListener(Consumer<FacilityState> l) {
        listeners.remove(l);
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
        for (Consumer<FacilityState> l : List.copyOf(listeners)) {
            l.accept(s);
        }
        return Outcome.APPLIED;
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
}
