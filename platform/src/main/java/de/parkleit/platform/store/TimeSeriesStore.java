package de.parkleit.platform.store;

import de.parkleit.core.reading.Reading;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The time-series store port: batched writes of readings and the history queries of the planner
 * dashboard and the forecaster. Methods block: call them from a worker pool, never an event loop.
 * Writes are idempotent: the same series and timestamp written twice is stored once. A query sees
 * every write acknowledged before it started.
 *
 * <p>Ids passed to queries must match {@code [A-Za-z0-9_-]{1,64}} (else {@link IllegalArgumentException});
 * checking them against the known facilities/detectors is the caller's job (the HTTP edge does it).
 * Every implementation answers every method: the two adapters, and for tests
 * {@code de.parkleit.platform.testing.InMemoryStore} (platform test-jar), which passes the same
 * contract suite. The one default, {@link #occupancyProfile}, folds {@link #occupancyHistory(Collection,
 * HistoryWindow)} the same way for all of them.
 */
public interface TimeSeriesStore extends AutoCloseable {

    /**
     * Writes a batch durably; throws {@link StoreUnavailableException} if the store cannot take it now
     * (retry the whole batch: parts already written are overwritten by the replay) or
     * {@link StoreRejectedException} if the store refuses it as invalid (retrying cannot help).
     */
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

    /** Writes guidance and sign events durably (same guarantees as {@link #write}). */
    void writeEvents(Collection<? extends StoreEvent> events);

    /**
     * Occupancy history of several facilities (at most {@link HistoryQueries#MAX_SERIES}), keyed by
     * facility id in request order; facilities without data map to an empty list. Buckets without
     * data are left out.
     */
    Map<String, List<OccupancyBucket>> occupancyHistory(Collection<String> facilityIds, HistoryWindow window);

    /** Traffic history of several detectors, keyed like {@link #occupancyHistory(Collection, HistoryWindow)}. */
    Map<String, List<TrafficBucket>> trafficHistory(Collection<String> detectorIds, HistoryWindow window);

    /**
     * Weekday x time-of-day profile of one facility over the {@code weeks} weeks before
     * {@code until}, in slots of {@code slot} (15m, 30m or 1h) of local time in {@code zone}.
     * Only cells with data are returned, ordered by weekday and slot.
     */
    default List<ProfileCell> occupancyProfile(String facilityId, Instant until, int weeks, Duration slot, ZoneId zone) {
        HistoryWindow w = OccupancyProfile.window(until, weeks, slot);
        List<OccupancyBucket> buckets = occupancyHistory(List.of(facilityId), w).getOrDefault(facilityId, List.of());
        return OccupancyProfile.fold(buckets, slot, zone);
    }

    /** Guidance issued per hour and recommended facility in [from, to) (at most 366 days). */
    List<HourlyCount> guidanceIssuedPerHour(Instant from, Instant to);

    /** Sign changes per hour and sign in [from, to) (at most 366 days). */
    List<HourlyCount> signChangesPerHour(Instant from, Instant to);
}
