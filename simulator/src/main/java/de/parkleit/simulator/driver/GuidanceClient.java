package de.parkleit.simulator.driver;

import java.time.Instant;
import java.util.List;

/**
 * Port: ask parkleit's guidance where to park. Implementations: {@code HttpGuidanceClient}
 * (GET /api/v1/guidance?from=lat,lon&amp;to=lat,lon of a running parkleit), the app's in-process
 * adapter over the routing module's guidance for fast mode, and {@link ReferenceGuidance}.
 */
public interface GuidanceClient {

    /**
     * Facility ids, best first, for a driver at {@code from} heading to {@code to}, asked at
     * {@code now} (the simulation's clock: in-process adapters must use it instead of the wall clock).
     * Empty when guidance has no advice.
     */
    List<String> recommend(Position from, Position to, Instant now);
}
