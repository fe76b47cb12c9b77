package de.parkleit.simulator.driver;

import java.time.Instant;

/** Ground-truth state of one facility at a sampling instant (every 5 simulated minutes). */
public record OccupancySample(Instant at, String facilityId, int occupied, int capacity, int queue) {
}
