package de.parkleit.bench.guidance;

import de.parkleit.core.reading.Reading;
import de.parkleit.platform.store.OccupancyBucket;
import de.parkleit.platform.store.StoreEvent;
import de.parkleit.platform.store.TimeSeriesStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A store that takes every write at once and keeps nothing: the benchmarks measure guidance and
 * signs, whose store writes run on workers off the measured paths.
 */
final class DiscardingStore implements TimeSeriesStore {

    final AtomicLong readings = new AtomicLong();
    final AtomicLong events = new AtomicLong();

    @Override
    public void write(Collection<? extends Reading> r) {
        readings.addAndGet(r.size());
    }

    @Override
    public void writeEvents(Collection<? extends StoreEvent> e) {
        events.addAndGet(e.size());
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
