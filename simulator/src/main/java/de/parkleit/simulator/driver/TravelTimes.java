package de.parkleit.simulator.driver;

import java.util.Optional;

/**
 * Port: car routes on the city's road network. The simulator calls it from its own thread and may
 * block. Implementations: {@code HttpTravelTimes} (GET /api/v1/route of a running parkleit),
 * {@link CrowFlyTravelTimes} (no network), and the app's in-process adapter over the routing
 * module's road network for fast mode.
 */
public interface TravelTimes {

    /** The fastest route, or empty if a point is off the network or no route joins them. */
    Optional<Drive> route(Position from, Position to);
}
