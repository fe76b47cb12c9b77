package de.parkleit.simulator.backfill;

import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.platform.store.OccupancyBucket;
import de.parkleit.platform.store.TimeSeriesStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory store for tests: de-duplicates by facility and timestamp, like the real adapters. */
final class MemoryStore implements TimeSeriesStore {

    final Map<String, ConcurrentSkipListMap<Instant, OccupancyReading>> rows = new ConcurrentHashMap<>();
    final AtomicInteger writes = new AtomicInteger();

    @Override
    public void write(Collection<? extends Reading> readings) {
        writes.incrementAndGet();
        for (Reading r : readings) {
            if (r instanceof OccupancyReading o) {
                rows.computeIfAbsent(o.facilityId(), k -> new ConcurrentSkipListMap<>()).put(o.ts(), o);
            }
        }
    }

    @Override
    public List<OccupancyBucket> occupancyHistory(String facilityId, Instant from, Instant to, Duration step) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public long countOccupancy(String facilityId, Instant from, Instant to) {
        var m = rows.get(facilityId);
        return m == null ? 0 : m.subMap(from, true, to, false).size();
    }

    @Override
    public boolean isHealthy() {
        return true;
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public void close() {
    }
}
