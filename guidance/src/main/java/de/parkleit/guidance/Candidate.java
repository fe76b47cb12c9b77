package de.parkleit.guidance;

import de.parkleit.core.facility.Facility;
import java.time.Instant;

/**
 * One facility scored for a trip.
 *
 * @param arrival            when the driver reaches it
 * @param pending            recommendations that still count against it (all instances)
 * @param expectedFree       expected free spaces on arrival after the pending recommendations x compliance; NaN if unknown
 * @param probabilityFree    probability that at least one space is free on arrival
 * @param searchSeconds      expected queue/search time at the facility
 * @param score              expected total cost in driving seconds (lower is better)
 * @param withinBudget       whether one more car stays within its expected free spaces minus the safety margin
 * @param forecastSource     which forecaster the prediction came from ({@link Prediction#source()})
 */
public record Candidate(Facility facility, Availability availability, DriveLeg drive, WalkLeg walk, Instant arrival,
                        int pending, double expectedFree, double probabilityFree, double searchSeconds, double score,
                        boolean withinBudget, String forecastSource) {

    public boolean knownFree() {
        return !Double.isNaN(expectedFree);
    }
}
