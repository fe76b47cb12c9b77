package de.parkleit.simulator.driver;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One driver's trip, fixed before the run so control and treatment runs see the same trips.
 *
 * @param demandFacility the facility whose surroundings the destination lies in
 * @param known          facilities the driver knows, nearest to the destination first
 * @param complianceDraw uniform 0..1: the driver follows guidance if below the compliance share
 * @param signDraw       uniform 0..1: a non-complier reacts to signs if below the sign-reaction share
 * @param queueTolerance queues at a full facility only behind fewer than this many cars
 */
public record Trip(int id, Instant departAt, Position origin, Position destination, String demandFacility,
                   Duration dwell, List<String> known, double complianceDraw, double signDraw, int queueTolerance) {

    public Trip {
        known = List.copyOf(known);
    }
}
