package de.parkleit.simulator.driver;

import de.parkleit.core.state.FacilityState;
import java.util.Optional;

/**
 * Port: the live state the system reports for a facility (what signs show). Implementations:
 * {@code MqttStateView} (retained {@code state/facility/+} topics), {@link InMemorySystem}, and
 * the app's in-process adapter over ingest's live state for fast mode.
 */
public interface StateView {

    Optional<FacilityState> state(String facilityId);
}
