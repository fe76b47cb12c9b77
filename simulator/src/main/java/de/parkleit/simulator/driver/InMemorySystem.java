package de.parkleit.simulator.driver;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.Trend;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simplest stand-in for ingest: the last occupancy reading of each facility is its state,
 * with no delay. For runs without the real system (and for tests). Not thread-safe.
 */
public final class InMemorySystem implements ReadingSink, StateView {

    private final Map<String, Integer> capacities = new HashMap<>();
    private final Map<String, FacilityState> states = new HashMap<>();
    private long published;

    public InMemorySystem(List<Facility> facilities) {
        facilities.forEach(f -> capacities.put(f.id(), f.capacity()));
    }

    @Override
    public void publish(Reading reading) {
        published++;
        if (reading instanceof OccupancyReading o && capacities.containsKey(o.facilityId())) {
            int cap = o.capacity() == null ? capacities.get(o.facilityId()) : o.capacity();
            FacilityStatus status = o.status() == null ? FacilityStatus.OPEN : o.status();
            states.put(o.facilityId(), new FacilityState(o.facilityId(), o.free(), cap, status, Trend.UNKNOWN, o.ts(), Set.of()));
        }
    }

    @Override
    public Optional<FacilityState> state(String facilityId) {
        return Optional.ofNullable(states.get(facilityId));
    }

    public long publishedCount() {
        return published;
    }
}
