package de.parkleit.app.simulation;

import de.parkleit.guidance.GuidancePlanner;
import de.parkleit.guidance.NoFacilityException;
import de.parkleit.routing.network.RoutingException;
import de.parkleit.simulator.driver.GuidanceClient;
import de.parkleit.simulator.driver.Position;
import java.time.Instant;
import java.util.List;

/**
 * The routing module's {@link GuidancePlanner} asked directly, with its clock set to the simulation's
 * {@code now}: facility ids in the planner's ranking, as GET /api/v1/guidance lists them. No advice
 * (no facility, origin off the network) is an empty list, as the HTTP client turns a 4xx into one.
 */
final class InProcessGuidance implements GuidanceClient {

    private final GuidancePlanner planner;
    private final VirtualClock clock;
    private long unanswered;

    InProcessGuidance(GuidancePlanner planner, VirtualClock clock) {
        this.planner = planner;
        this.clock = clock;
    }

    @Override
    public List<String> recommend(Position from, Position to, Instant now) {
        clock.set(now);
        try {
            return planner.plan(RoadTravelTimes.point(from), RoadTravelTimes.point(to), null).ranked().stream()
                    .map(c -> c.facility().id()).toList();
        } catch (NoFacilityException | RoutingException e) {
            unanswered++;
            return List.of();
        }
    }

    long unanswered() {
        return unanswered;
    }
}
