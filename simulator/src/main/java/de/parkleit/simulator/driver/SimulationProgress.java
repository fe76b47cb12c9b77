package de.parkleit.simulator.driver;

import java.time.Instant;

/** Where a run is: virtual time, share of the period done, trips started and finished. */
public record SimulationProgress(Instant now, double fraction, int tripsStarted, int tripsDone, int tripsTotal) {
}
