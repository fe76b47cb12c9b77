package de.parkleit.simulator.gateway;

import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.simulator.profile.ArrivalDepartureProcess;
import de.parkleit.simulator.profile.FacilityProfile;
import de.parkleit.simulator.profile.OccupancyModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One arrival/departure process per facility of the model, advanced together. Pure and
 * deterministic for a seed and a sequence of instants; not thread-safe.
 */
public final class OccupancyGateways {

    private final Map<String, ArrivalDepartureProcess> processes = new LinkedHashMap<>();

    public OccupancyGateways(OccupancyModel model, Instant start, Duration meanDwell, long seed) {
        for (FacilityProfile p : model.profiles()) {
            String id = p.facility().id();
            processes.put(id, new ArrivalDepartureProcess(model, id, start, meanDwell, seed));
        }
    }

    /** Advances every facility to {@code now}; the step of each, by facility id, in city order. */
    public Map<String, ArrivalDepartureProcess.Step> advanceTo(Instant now) {
        Map<String, ArrivalDepartureProcess.Step> out = new LinkedHashMap<>();
        processes.forEach((id, p) -> out.put(id, p.advanceTo(now)));
        return out;
    }

    /** Advances every facility to {@code now} and returns one native occupancy reading per facility. */
    public List<OccupancyReading> readingsAt(Instant now) {
        List<OccupancyReading> out = new ArrayList<>(processes.size());
        advanceTo(now).forEach((id, s) -> {
            ArrivalDepartureProcess p = processes.get(id);
            out.add(new OccupancyReading(id, now, p.free(), p.capacity(), FacilityStatus.OPEN));
        });
        return out;
    }

    public ArrivalDepartureProcess process(String facilityId) {
        return processes.get(facilityId);
    }

    public int size() {
        return processes.size();
    }
}
