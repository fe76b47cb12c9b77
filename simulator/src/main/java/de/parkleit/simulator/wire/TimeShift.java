package de.parkleit.simulator.wire;

import de.parkleit.core.reading.CountsReading;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.reading.SpaceReading;
import de.parkleit.core.reading.TrafficReading;
import de.parkleit.simulator.driver.GuidanceClient;
import de.parkleit.simulator.driver.ReadingSink;
import de.parkleit.simulator.driver.SimulationPorts;
import java.time.Duration;
import java.time.Instant;

/**
 * Puts a scenario onto the wall clock: the simulation keeps the scenario's times (so demand
 * follows the scenario's time of day), while readings, guidance requests and pacing see
 * scenario time + offset.
 */
public final class TimeShift {

    private TimeShift() {
    }

    public static SimulationPorts apply(SimulationPorts p, Duration offset) {
        ReadingSink sink = new ReadingSink() {
            @Override
            public void publish(Reading r) {
                p.sink().publish(shift(r, offset));
            }

            @Override
            public void flush() {
                p.sink().flush();
            }
        };
        GuidanceClient guidance = (from, to, now) -> p.guidance().recommend(from, to, now.plus(offset));
        SimulationPorts.Pacer pacer = t -> p.pacer().awaitUntil(t.plus(offset));
        return new SimulationPorts(p.travel(), guidance, p.state(), sink, pacer);
    }

    static Reading shift(Reading r, Duration d) {
        Instant ts = r.ts().plus(d);
        if (r instanceof OccupancyReading o) {
            return new OccupancyReading(o.facilityId(), ts, o.free(), o.capacity(), o.status());
        } else if (r instanceof CountsReading c) {
            return new CountsReading(c.facilityId(), ts, c.entered(), c.exited(), c.seq());
        } else if (r instanceof SpaceReading s) {
            return new SpaceReading(s.facilityId(), s.spaceId(), ts, s.occupied());
        } else if (r instanceof TrafficReading t) {
            return new TrafficReading(t.detectorId(), ts, t.intervalS(), t.count(), t.speedKmh(), t.occupancyPct());
        }
        throw new IllegalArgumentException("unknown reading " + r);
    }
}
