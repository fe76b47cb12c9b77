package de.parkleit.dashboard;

import de.parkleit.core.reading.Reading;
import de.parkleit.platform.store.HistoryQueries;
import de.parkleit.platform.store.HistoryWindow;
import de.parkleit.platform.store.HourlyCount;
import de.parkleit.platform.store.OccupancyBucket;
import de.parkleit.platform.store.TimeSeriesStore;
import de.parkleit.platform.store.TrafficBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A store double for the planner's traffic history and guidance statistics: day-shaped traffic for
 * every detector (more vehicles and lower speed around 16:00 UTC), and {@code (hour of day % 4) + 1}
 * recommendations per hour split 2:1 over two facilities. It checks parameters like the real adapters
 * ({@link HistoryQueries}) and remembers the last window asked for.
 */
public final class ShapedStore implements TimeSeriesStore {

    public static final String BUSY = "heidelbergp12kornmarktschloss";
    public static final String QUIET = "heidelbergp1poststrasse";
    public final AtomicReference<HistoryWindow> lastWindow = new AtomicReference<>();

    @Override
    public Map<String, List<TrafficBucket>> trafficHistory(Collection<String> detectorIds, HistoryWindow window) {
        lastWindow.set(window);
        Map<String, List<TrafficBucket>> out = new LinkedHashMap<>();
        for (String id : HistoryQueries.requireSeries(detectorIds, "detector", window)) {
            List<TrafficBucket> buckets = new ArrayList<>();
            double hours = window.step().toSeconds() / 3600.0;
            for (Instant t = window.from(); t.isBefore(window.to()); t = t.plus(window.step())) {
                double hour = (t.getEpochSecond() % 86_400) / 3600.0;
                double share = Math.max(0.05, Math.exp(-Math.pow((hour - 16) / 3, 2)) + 0.6 * Math.exp(-Math.pow((hour - 7) / 1.5, 2)));
                long vehicles = Math.round(800 * share * hours);
                buckets.add(new TrafficBucket(t, vehicles, 50 - 20 * Math.min(1, share), 20 * share, 5));
            }
            out.put(id, buckets);
        }
        return out;
    }

    @Override
    public List<HourlyCount> guidanceIssuedPerHour(Instant from, Instant to) {
        HistoryQueries.requireCountRange(from, to);
        List<HourlyCount> out = new ArrayList<>();
        for (Instant h = HistoryWindow.ceil(from, Duration.ofHours(1)); h.isBefore(to); h = h.plus(Duration.ofHours(1))) {
            long n = (h.getEpochSecond() / 3600) % 4 + 1;
            out.add(new HourlyCount(h, BUSY, n * 2));
            out.add(new HourlyCount(h, QUIET, n));
        }
        return out;
    }

    @Override
    public void write(Collection<? extends Reading> readings) {
        throw new UnsupportedOperationException("read-only double");
    }

    @Override
    public List<OccupancyBucket> occupancyHistory(String facilityId, Instant from, Instant to, Duration step) {
        throw new UnsupportedOperationException("not needed");
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
        return "shaped";
    }

    @Override
    public void close() {
    }
}
