package de.parkleit.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * All gateways on one Vert.x instance with a few event loops (one {@link GatewayLane} per loop):
 * by default gateway g is one sensor and publishes on {@code <root>/parking/<facility g mod F>/spaces/s<g>}; with
 * {@code --sensors N} the N sensors are spread over the gateways (see the second {@code connect}); gateway g
 * belongs to lane g mod L.
 */
final class GatewayFleet implements AutoCloseable {
    final PublishStats stats = new PublishStats();
    private final Vertx vertx;
    private final List<GatewayLane> lanes = new ArrayList<>();

    private GatewayFleet(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Connects every gateway (tcp://host:port) and returns when all are connected; throws if one cannot connect. */
    static GatewayFleet connect(String mqttUrl, String root, List<String> facilities, int gateways, int eventLoops, int rate) throws Exception {
        String[] facilityOf = new String[gateways];
        for (int g = 0; g < gateways; g++) {
            facilityOf[g] = facilities.get(g % facilities.size());
        }
        return connect(mqttUrl, root, facilityOf, gateways, eventLoops, rate, 1);
    }

    /**
     * Region-shaped: {@code facilityOfSensor.length} sensors spread over {@code gateways} connections (sensor s
     * behind gateway s mod G), each sensor publishing on {@code <root>/parking/<facility of s>/spaces/s<s>}.
     */
    static GatewayFleet connect(String mqttUrl, String root, String[] facilityOfSensor, int gateways, int eventLoops, int rate,
                                int changeEvery) throws Exception {
        URI u = URI.create(mqttUrl);
        int loops = Math.max(1, Math.min(eventLoops, gateways));
        GatewayFleet fleet = new GatewayFleet(Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops).setWorkerPoolSize(2).setInternalBlockingPoolSize(2)));
        System.out.println("generator: " + gateways + " gateways on " + loops + " event loop(s)");
        String prefix = "load-gw-";
        List<Future<String>> deployed = new ArrayList<>();
        int sensors = facilityOfSensor.length;
        for (int l = 0; l < loops; l++) {
            List<int[]> mine = new ArrayList<>();
            for (int g = l; g < gateways; g += loops) {
                int[] s = new int[(sensors - g + gateways - 1) / gateways];
                for (int j = 0; j < s.length; j++) {
                    s[j] = g + j * gateways;
                }
                mine.add(s);
            }
            GatewayLane lane = new GatewayLane(u.getHost(), u.getPort() < 0 ? 1883 : u.getPort(), root, mine, facilityOfSensor, changeEvery,
                    prefix + l + "-", (double) rate * mine.size() / gateways, fleet.stats);
            fleet.lanes.add(lane);
            deployed.add(fleet.vertx.deployVerticle(lane)); // each deployment gets its own context, the event loops in turn
        }
        try {
            Future.all(deployed).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            fleet.close();
            throw e;
        }
        return fleet;
    }

    /** Publishes from start to end (System.nanoTime()); every lane stops by itself at the end. */
    void start(long startNanos, long endNanos) {
        lanes.forEach(l -> l.startPublishing(startNanos, endNanos));
    }

    void stop() {
        lanes.forEach(GatewayLane::stopPublishing);
    }

    @Override
    public void close() {
        try {
            Future.join(lanes.stream().map(GatewayLane::disconnect).toList()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the run is over; a slow disconnect does not change the figures
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // same
        }
    }
}
