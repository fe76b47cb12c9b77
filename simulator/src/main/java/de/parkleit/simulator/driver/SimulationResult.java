package de.parkleit.simulator.driver;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a run produced.
 *
 * @param outcomes        one per trip, by trip id
 * @param samples         per facility every 5 simulated minutes
 * @param arrivalsAtFull  per facility: arrivals that found no free space
 * @param maxQueue        per facility: longest entrance queue
 * @param guidanceCalls   guidance queries made
 * @param readings        readings published to the sink
 */
public record SimulationResult(Instant from, Instant to, boolean guidanceOn, List<TripOutcome> outcomes,
                               List<OccupancySample> samples, Map<String, Long> arrivalsAtFull,
                               Map<String, Integer> maxQueue, long guidanceCalls, long readings, Duration wallTime) {
}
