package de.parkleit.bench.ingest;

import de.parkleit.core.reading.Reading;
import de.parkleit.platform.store.OccupancyBucket;
import de.parkleit.platform.store.TimeSeriesStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** A store that takes every write and keeps nothing: separates the pipeline's own latency from the store's load. */
final class DiscardingStore implements TimeSeriesStore {

    @Override
    public void write(Collection<? extends Reading> readings) {
        // discarded on purpose
    }

    @Override
    public List<OccupancyBucket> occupancyHistory(String facilityId, Instant from, Instant to, Duration step) {
        return List.of();
    }

    @Override
    public long countOccupancy(String facilityId, Instant from, Instant to) {
        return 0;
    }

    @Override
    public boolean isHealthy() {
        return true;
    }

    @Override
    public String name() {
        return "discarding";
    }

    @Override
    public void close() {
    }
}
