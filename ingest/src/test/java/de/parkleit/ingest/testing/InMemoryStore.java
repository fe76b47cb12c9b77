package de.parkleit.ingest.testing;

import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.platform.store.OccupancyBucket;
import de.parkleit.platform.store.StoreUnavailableException;
import de.parkleit.platform.store.TimeSeriesStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A store test double for unit tests: keeps readings in memory, de-duplicated like the real stores
 * on (kind, series, sub-series, timestamp), and can be switched to refuse writes.
 */
public final class InMemoryStore implements TimeSeriesStore {

    private final Map<String, Reading> rows = new ConcurrentHashMap<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final List<String> writeLog = java.util.Collections.synchronizedList(new ArrayList<>());

    public static String key(Reading r) {
        String sub = r instanceof de.parkleit.core.reading.SpaceReading s ? s.spaceId() : "";
        return r.getClass().getSimpleName() + "|" + r.seriesId() + "|" + sub + "|" + r.ts();
    }

    public void setDown(boolean d) {
        down.set(d);
    }

    @Override
    public void write(Collection<? extends Reading> readings) {
        if (down.get()) {
            refused.incrementAndGet();
            throw new StoreUnavailableException("store is down (test)", null);
        }
        writes.incrementAndGet();
        for (Reading r : readings) {
            rows.put(key(r), r);
            writeLog.add(key(r));
        }
    }

    public List<Reading> all() {
        return new ArrayList<>(rows.values());
    }

    /** Keys of every row written, in write order, duplicates included. */
    public List<String> writeLog() {
        synchronized (writeLog) {
            return new ArrayList<>(writeLog);
        }
    }

    public int size() {
        return rows.size();
    }

    public long writeCalls() {
        return writes.get();
    }

    public long refusedCalls() {
        return refused.get();
    }

    @Override
    public List<OccupancyBucket> occupancyHistory(String facilityId, Instant from, Instant to, Duration step) {
        return List.of();
    }

    @Override
    public long countOccupancy(String facilityId, Instant from, Instant to) {
        return rows.values().stream().filter(r -> r instanceof OccupancyReading o && o.facilityId().equals(facilityId)
                && !r.ts().isBefore(from) && r.ts().isBefore(to)).count();
    }

    @Override
    public boolean isHealthy() {
        return !down.get();
    }

    @Override
    public String name() {
        return "in-memory";
    }

    @Override
    public void close() {
    }
}
