package de.parkleit.platform.store;

import java.time.Instant;

/**
 * One bucket of a loop detector's history over [start, start + step).
 *
 * @param vehicles         vehicles counted in the bucket (sum of interval counts)
 * @param meanSpeedKmh     mean of the interval mean speeds, or null if none was measured
 * @param meanOccupancyPct mean lane occupancy, or null if none was measured
 * @param samples          detector intervals in the bucket
 */
public record TrafficBucket(Instant start, long vehicles, Double meanSpeedKmh, Double meanOccupancyPct, long samples) {
}
