package de.parkleit.platform.store;

import java.time.Instant;

/** One bucket of occupancy history: free spaces over [start, start + step). */
public record OccupancyBucket(Instant start, double meanFree, int minFree, int maxFree, long samples) {
}
