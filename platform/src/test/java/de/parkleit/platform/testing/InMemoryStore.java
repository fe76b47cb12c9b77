package de.parkleit.platform.testing;

import de.parkleit.core.Ids;
import de.parkleit.core.reading.CountsReading;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.reading.SpaceReading;
import de.parkleit.core.reading.TrafficReading;
import de.parkleit.platform.store.GuidanceIssued;
import de.parkleit.platform.store.HistoryQueries;
import de.parkleit.platform.store.HistoryWindow;
import de.parkleit.platform.store.HourlyCount;
import de.parkleit.platform.store.OccupancyBucket;
import de.parkleit.platform.store.SignDisplay;
import de.parkleit.platform.store.StoreEvent;
import de.parkleit.platform.store.StoreUnavailableException;
import de.parkleit.platform.store.TimeSeriesStore;
import de.parkleit.platform.store.TrafficBucket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The in-memory {@link TimeSeriesStore} for tests, passing the same contract as the real adapters
 * ({@code InMemoryStoreContractTest}): every write is stored de-duplicated on series and timestamp
 * (microseconds, like QuestDB; the later write wins), history and counts are computed from what
 * is stored, ids and ranges are checked by {@link HistoryQueries} and {@link HistoryWindow} like the
 * adapters do. {@link #setDown(boolean)} makes writes fail with {@link StoreUnavailableException}
 * (the store's outage) until switched back. Thread-safe (one lock: tests are small).
 */
public class InMemoryStore implements TimeSeriesStore {

    private static final Duration HOUR = Duration.ofHours(1);

    private final Map<String, NavigableMap<Instant, OccupancyReading>> occupancy = new HashMap<>();
    private final Map<String, NavigableMap<Instant, TrafficReading>> traffic = new HashMap<>();
    private final Map<String, Reading> otherReadings = new HashMap<>();
    private final Map<String, StoreEvent> events = new LinkedHashMap<>();
    private final List<String> writeLog = new ArrayList<>();
    private long writeCalls;
    private long refusedCalls;
    private volatile boolean down;

    /**
     * The identity of a stored reading: kind, series, space (for space readings) and timestamp in
     * microseconds. Two readings with the same key are one row.
     */
    public static String key(Reading r) {
        String sub = r instanceof SpaceReading s ? s.spaceId() : "";
        return r.getClass().getSimpleName() + "|" + r.seriesId() + "|" + sub + "|" + micros(r.ts());
    }

    private static String key(StoreEvent e) {
        if (e instanceof GuidanceIssued g) {
            return "guidance|" + g.facilityId() + "|" + g.requestId() + "|" + micros(g.ts());
        }
        SignDisplay s = (SignDisplay) e;
        return "sign|" + s.signId() + "|" + micros(s.ts());
    }

    private static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    /** While down, writes throw {@link StoreUnavailableException} and {@link #isHealthy()} is false. */
    public void setDown(boolean d) {
        down = d;
    }

    @Override
    public synchronized void write(Collection<? extends Reading> readings) {
        refuseIfDown();
        writeCalls++;
        for (Reading r : readings) {
            Instant ts = micros(r.ts());
            if (r instanceof OccupancyReading o) {
                occupancy.computeIfAbsent(o.facilityId(), k -> new TreeMap<>()).put(ts, o);
            } else if (r instanceof TrafficReading t) {
                traffic.computeIfAbsent(t.detectorId(), k -> new TreeMap<>()).put(ts, t);
            } else if (r instanceof CountsReading || r instanceof SpaceReading) {
                otherReadings.put(key(r), r);
            }
            writeLog.add(key(r));
        }
    }

    @Override
    public synchronized void writeEvents(Collection<? extends StoreEvent> batch) {
        refuseIfDown();
        writeCalls++;
        for (StoreEvent e : batch) {
            String k = key(e);
            events.remove(k); // a replay moves the event to the end, like an upsert keeps the last value
            events.put(k, e);
        }
    }

    private void refuseIfDown() {
        if (down) {
            refusedCalls++;
            throw new StoreUnavailableException("in-memory store is down (test)", null);
        }
    }

    /** Every stored reading (occupancy, counts, spaces, traffic), one per key. */
    public synchronized List<Reading> readings() {
        List<Reading> out = new ArrayList<>();
        occupancy.values().forEach(m -> out.addAll(m.values()));
        traffic.values().forEach(m -> out.addAll(m.values()));
        out.addAll(otherReadings.values());
        return out;
    }

    /** Stored occupancy readings of one facility in timestamp order. */
    public synchronized List<OccupancyReading> occupancy(String facilityId) {
        return List.copyOf(occupancy.getOrDefault(facilityId, new TreeMap<>()).values());
    }

    /** Stored traffic readings of one detector in timestamp order. */
    public synchronized List<TrafficReading> traffic(String detectorId) {
        return List.copyOf(traffic.getOrDefault(detectorId, new TreeMap<>()).values());
    }

    /** Stored events in the order they were (last) written. */
    public synchronized List<StoreEvent> events() {
        return List.copyOf(events.values());
    }

    /** Number of stored readings. */
    public synchronized int size() {
        int n = otherReadings.size();
        for (var m : occupancy.values()) {
            n += m.size();
        }
        for (var m : traffic.values()) {
            n += m.size();
        }
        return n;
    }

    /** {@link #key(Reading) Keys} of every reading written, in write order, duplicates included. */
    public synchronized List<String> writeLog() {
        return List.copyOf(writeLog);
    }

    /** Successful write calls (readings or events). */
    public synchronized long writeCalls() {
        return writeCalls;
    }

    /** Write calls refused while down. */
    public synchronized long refusedCalls() {
        return refusedCalls;
    }

    @Override
    public List<OccupancyBucket> occupancyHistory(String facilityId, Instant from, Instant to, Duration step) {
        return occupancyHistory(List.of(facilityId), new HistoryWindow(from, to, step)).get(facilityId);
    }

    @Override
    public synchronized Map<String, List<OccupancyBucket>> occupancyHistory(Collection<String> facilityIds, HistoryWindow window) {
        Set<String> ids = HistoryQueries.requireSeries(facilityIds, "facility", window);
        Map<String, List<OccupancyBucket>> out = new LinkedHashMap<>();
        for (String id : ids) {
            Map<Instant, List<OccupancyReading>> buckets = buckets(occupancy.get(id), window);
            List<OccupancyBucket> list = new ArrayList<>(buckets.size());
            buckets.forEach((start, rows) -> {
                int min = Integer.MAX_VALUE;
                int max = Integer.MIN_VALUE;
                double sum = 0;
                for (OccupancyReading r : rows) {
                    min = Math.min(min, r.free());
                    max = Math.max(max, r.free());
                    sum += r.free();
                }
                list.add(new OccupancyBucket(start, sum / rows.size(), min, max, rows.size()));
            });
            out.put(id, list);
        }
        return out;
    }

    @Override
    public synchronized Map<String, List<TrafficBucket>> trafficHistory(Collection<String> detectorIds, HistoryWindow window) {
        Set<String> ids = HistoryQueries.requireSeries(detectorIds, "detector", window);
        Map<String, List<TrafficBucket>> out = new LinkedHashMap<>();
        for (String id : ids) {
            Map<Instant, List<TrafficReading>> buckets = buckets(traffic.get(id), window);
            List<TrafficBucket> list = new ArrayList<>(buckets.size());
            buckets.forEach((start, rows) -> {
                long vehicles = 0;
                double speedSum = 0;
                int speedN = 0;
                double occSum = 0;
                int occN = 0;
                for (TrafficReading r : rows) {
                    vehicles += r.count();
                    if (r.speedKmh() != null) {
                        speedSum += r.speedKmh();
                        speedN++;
                    }
                    if (r.occupancyPct() != null) {
                        occSum += r.occupancyPct();
                        occN++;
                    }
                }
                list.add(new TrafficBucket(start, vehicles, speedN == 0 ? null : speedSum / speedN,
                        occN == 0 ? null : occSum / occN, rows.size()));
            });
            out.put(id, list);
        }
        return out;
    }

    /** Rows of one series in the window, grouped by the start of their bucket, buckets in order. */
    private static <T> Map<Instant, List<T>> buckets(NavigableMap<Instant, T> series, HistoryWindow window) {
        Map<Instant, List<T>> out = new TreeMap<>();
        if (series != null) {
            series.subMap(window.from(), true, window.to(), false).forEach((ts, r) ->
                    out.computeIfAbsent(HistoryWindow.floor(ts, window.step()), k -> new ArrayList<>()).add(r));
        }
        return out;
    }

    @Override
    public synchronized List<HourlyCount> guidanceIssuedPerHour(Instant from, Instant to) {
        return perHour(from, to, GuidanceIssued.class);
    }

    @Override
    public synchronized List<HourlyCount> signChangesPerHour(Instant from, Instant to) {
        return perHour(from, to, SignDisplay.class);
    }

    /** Events of one kind per hour and id, ordered by hour and id; the range is widened to whole hours. */
    private List<HourlyCount> perHour(Instant from, Instant to, Class<? extends StoreEvent> kind) {
        HistoryQueries.requireCountRange(from, to);
        Instant start = HistoryWindow.floor(from, HOUR);
        Instant end = HistoryWindow.ceil(to, HOUR);
        Map<Instant, Map<String, Long>> counts = new TreeMap<>();
        for (StoreEvent e : events.values()) {
            Instant ts = micros(e.ts());
            if (kind.isInstance(e) && !ts.isBefore(start) && ts.isBefore(end)) {
                String id = e instanceof GuidanceIssued g ? g.facilityId() : ((SignDisplay) e).signId();
                counts.computeIfAbsent(HistoryWindow.floor(ts, HOUR), k -> new TreeMap<>()).merge(id, 1L, Long::sum);
            }
        }
        List<HourlyCount> out = new ArrayList<>();
        counts.forEach((hour, perId) -> perId.forEach((id, n) -> out.add(new HourlyCount(hour, id, n))));
        return out;
    }

    @Override
    public synchronized long countOccupancy(String facilityId, Instant from, Instant to) {
        Ids.require(facilityId, "facility id");
        NavigableMap<Instant, OccupancyReading> series = occupancy.get(facilityId);
        return series == null || !from.isBefore(to) ? 0 : series.subMap(from, true, to, false).size();
    }

    @Override
    public boolean isHealthy() {
        return !down;
    }

    @Override
    public String name() {
        return "in-memory";
    }

    @Override
    public void close() {
        // nothing to release
    }
}
