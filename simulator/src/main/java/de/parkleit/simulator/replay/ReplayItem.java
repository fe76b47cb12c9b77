package de.parkleit.simulator.replay;

import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.reading.TrafficReading;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One value of the Münster data, already mapped: occupancy of a facility (free scaled to its
 * capacity, or closed) or an hourly count of a detector, at its local data time.
 *
 * @param intervalS 0 for occupancy; the counting interval for traffic
 */
public record ReplayItem(LocalDateTime dataTime, String target, int value, int capacity, FacilityStatus status, int intervalS) {

    public boolean isTraffic() {
        return intervalS > 0;
    }

    /** The reading a gateway would send at wall time {@code ts}. */
    public Reading at(Instant ts) {
        return isTraffic() ? new TrafficReading(target, ts, intervalS, value, null, null)
                : new OccupancyReading(target, ts, value, capacity, status);
    }
}
