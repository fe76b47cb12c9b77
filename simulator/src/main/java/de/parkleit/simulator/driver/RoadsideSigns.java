package de.parkleit.simulator.driver;

import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.QualityFlag;
import java.util.Optional;

/**
 * What variable message signs show for a facility, from the state the system reports: "full"
 * when free spaces are at most max(2, 2 % of capacity) or the facility is closed; nothing when the
 * state is unknown or stale. Agents who react to signs read them at the city entrance and again
 * whenever they pick a new facility (guidance signs stand on the inner ring too).
 */
public final class RoadsideSigns {

    private final StateView state;

    public RoadsideSigns(StateView state) {
        this.state = state;
    }

    public boolean showsFull(String facilityId) {
        Optional<FacilityState> s = state.state(facilityId);
        if (s.isEmpty() || s.get().flags().contains(QualityFlag.STALE)) {
            return false;
        }
        FacilityState st = s.get();
        if (st.status() == FacilityStatus.CLOSED) {
            return true;
        }
        return st.free() != null && st.free() <= Math.max(2, 0.02 * st.capacity());
    }
}
