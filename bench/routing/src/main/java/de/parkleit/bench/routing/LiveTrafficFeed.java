package de.parkleit.bench.routing;

import de.parkleit.core.reading.TrafficReading;
import de.parkleit.routing.graph.EdgeGeometry;
import de.parkleit.routing.graph.GeoPoint;
import de.parkleit.routing.graph.RoadGraph;
import de.parkleit.routing.network.RoadNetwork;
import de.parkleit.routing.traffic.Detector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Synthetic live traffic for a network: detectors on random edges, a fresh random reading for each
 * and a refresh (new weights version, hierarchy customized) every period, on its own thread.
 */
final class LiveTrafficFeed implements AutoCloseable {

    private final RoadNetwork network;
    private final List<String> detectors = new ArrayList<>();
    private final Random rnd = new Random(5);
    private ScheduledExecutorService timer;

    LiveTrafficFeed(RoadNetwork network, int detectorCount) {
        this.network = network;
        RoadGraph g = network.graph();
        EdgeGeometry geometry = new EdgeGeometry(g);
        for (int i = 0; detectors.size() < detectorCount && i < detectorCount * 10; i++) {
            int e = rnd.nextInt(g.edgeCount());
            List<GeoPoint> mid = new ArrayList<>();
            geometry.append(e, 0.5, 0.5, mid);
            String id = "bench-" + i;
            if (network.traffic().addDetector(new Detector(id, mid.get(0), geometry.bearingAt(e, 0.5), 1, 0)).isPresent()) {
                detectors.add(id);
            }
        }
    }

    /** Feeds one reading per detector (speed 5–60 km/h) and refreshes; returns the new version. */
    synchronized long updateOnce() {
        Instant now = Instant.now();
        for (String id : detectors) {
            network.traffic().apply(new TrafficReading(id, now, 60, rnd.nextInt(30), 5.0 + rnd.nextInt(55), null));
        }
        return network.refreshTravelTimes(now);
    }

    void start(long periodMillis) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-traffic");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::updateOnce, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
