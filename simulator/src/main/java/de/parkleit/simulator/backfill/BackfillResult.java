package de.parkleit.simulator.backfill;

import java.time.Duration;
import java.time.Instant;

/**
 * What a backfill run did.
 *
 * @param written  facilities whose history was written
 * @param skipped  facilities that already had history
 * @param readings readings written
 */
public record BackfillResult(Instant from, Instant to, int written, int skipped, long readings, Duration took) {
}
