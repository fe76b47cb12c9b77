package de.parkleit.platform.store;

import de.parkleit.core.reading.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The time-series store port: batched writes of readings and the history queries of the planner
 * dashboard and the forecaster. Methods block: call them from a worker pool, never an event loop.
 * Writes are idempotent: the same series and timestamp written twice is stored once.
 */
public interface TimeSeriesStore extends AutoCloseable {

    /** Writes a batch durably; throws {@link StoreUnavailableException} if the store cannot take it now. */
    void write(Collection<? extends Reading> readings);

    /** Mean/min/max free spaces of one facility per {@code step} bucket in [from, to). */
    List<OccupancyBucket> occupancyHistory(String facilityId, Instant from, Instant to, Duration step);

    /** Number of occupancy rows stored for a facility in [from, to) (for checks and tests). */
    long countOccupancy(String facilityId, Instant from, Instant to);

    /** True when the store answers. */
    boolean isHealthy();

    /** A short name for logs and health: {@code questdb-embedded}, {@code influxdb}. */
    String name();

    @Override
    void close();
}
