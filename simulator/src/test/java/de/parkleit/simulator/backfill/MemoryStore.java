package de.parkleit.simulator.backfill;

import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.reading.TrafficReading;
import de.parkleit.platform.store.HistoryWindow;
import de.parkleit.platform.store.TrafficBucket;
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
    final Map<String, ConcurrentSkipListMap<Instant, TrafficReading>> traffic = new ConcurrentHashMap<>();
    final AtomicInteger writes = new AtomicInteger();

    @Override
    public void write(Collection<? extends Reading> readings) {
        writes.incrementAndGet();
        for (Reading r : readings) {
            if (r instanceof OccupancyReading o) {
                rows.computeIfAbsent(o.facilityId(), k -> new ConcurrentSkipListMap<>()).put(o.ts(), o);
            } else if (r instanceof TrafficReading t) {
                traffic.computeIfAbsent(t.detectorId(), k -> new ConcurrentSkipListMap<>()).put(t.ts(), t);
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

    /** Vehicles and interval count per bucket (speed and occupancy are not needed by these tests). */
    @Override
    public Map<String, List<TrafficBucket>> trafficHistory(Collection<String> detectorIds, HistoryWindow window) {
        Map<String, List<TrafficBucket>> out = new java.util.LinkedHashMap<>();
        for (String id : detectorIds) {
            Map<Instant, long[]> buckets = new java.util.TreeMap<>();
            var m = traffic.getOrDefault(id, new ConcurrentSkipListMap<>());
            for (TrafficReading t : m.subMap(window.from(), true, window.to(), false).values()) {
                long[] b = buckets.computeIfAbsent(HistoryWindow.floor(t.ts(), window.step()), k -> new long[2]);
                b[0] += t.count();
                b[1]++;
            }
            List<TrafficBucket> list = new java.util.ArrayList<>();
            buckets.forEach((start, b) -> list.add(new TrafficBucket(start, b[0], null, null, b[1])));
            out.put(id, list);
        }
        return out;
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
