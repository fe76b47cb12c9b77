package de.parkleit.dashboard;

import de.parkleit.core.city.City;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.reading.TrafficReading;
import de.parkleit.dashboard.history.DetectorLocations;
import de.parkleit.platform.store.GuidanceIssued;
import de.parkleit.platform.store.HistoryWindow;
import de.parkleit.platform.store.StoreEvent;
import de.parkleit.platform.store.TrafficBucket;
import de.parkleit.platform.testing.InMemoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An {@link InMemoryStore} filled with shaped data for the planner's traffic history and guidance
 * statistics: 5-minute traffic intervals for every detector of the city, day-shaped (more vehicles
 * and lower speed around 16:00 UTC), and {@code (hour of day % 4) + 1} recommendations per hour
 * split 2:1 over two facilities. Filled for the eight days up to two hours after now and for
 * 24..26 November 2026 (the fixed dates of the API tests). Remembers the last traffic window asked for.
 */
public final class ShapedStore extends InMemoryStore {

    public static final String BUSY = "heidelbergp12kornmarktschloss";
    public static final String QUIET = "heidelbergp1poststrasse";
    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final Duration HOUR = Duration.ofHours(1);

    public final AtomicReference<HistoryWindow> lastWindow = new AtomicReference<>();

    /** Shaped data for the detectors of {@code city} (its {@code detectors.geojson}). */
    public ShapedStore(City city) {
        List<String> detectors = detectorIds(city);
        Instant now = HistoryWindow.floor(Instant.now(), HOUR);
        fill(detectors, now.minus(Duration.ofDays(8)), now.plus(Duration.ofHours(2)));
        fill(detectors, Instant.parse("2026-11-24T00:00:00Z"), Instant.parse("2026-11-27T00:00:00Z"));
    }

    private static List<String> detectorIds(City city) {
        try {
            return DetectorLocations.parse(Files.readAllBytes(city.folder().resolve("detectors.geojson"))).stream()
                    .map(DetectorLocations.Location::id).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes traffic and guidance for whole hours in [from, to); writing an hour twice changes nothing. */
    private void fill(List<String> detectors, Instant from, Instant to) {
        List<Reading> traffic = new ArrayList<>();
        List<StoreEvent> guidance = new ArrayList<>();
        for (Instant h = from; h.isBefore(to); h = h.plus(HOUR)) {
            for (Instant t = h; t.isBefore(h.plus(HOUR)); t = t.plus(INTERVAL)) {
                double hour = (t.getEpochSecond() % 86_400) / 3600.0;
                double share = Math.max(0.05, Math.exp(-Math.pow((hour - 16) / 3, 2)) + 0.6 * Math.exp(-Math.pow((hour - 7) / 1.5, 2)));
                int vehicles = (int) Math.round(800 * share * INTERVAL.toSeconds() / 3600.0);
                for (String d : detectors) {
                    traffic.add(new TrafficReading(d, t, (int) INTERVAL.toSeconds(), vehicles, 50 - 20 * Math.min(1, share), 20 * share));
                }
            }
            long n = (h.getEpochSecond() / 3600) % 4 + 1;
            for (int k = 0; k < 3 * n; k++) {
                String facility = k < 2 * n ? BUSY : QUIET;
                guidance.add(new GuidanceIssued(h.plus(Duration.ofMinutes(5L * k)), "req-" + h.getEpochSecond() + "-" + k, facility, 0.8));
            }
        }
        write(traffic);
        writeEvents(guidance);
    }

    @Override
    public Map<String, List<TrafficBucket>> trafficHistory(Collection<String> detectorIds, HistoryWindow window) {
        lastWindow.set(window);
        return super.trafficHistory(detectorIds, window);
    }
}
