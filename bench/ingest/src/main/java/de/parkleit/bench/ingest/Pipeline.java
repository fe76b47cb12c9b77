package de.parkleit.bench.ingest;

import de.parkleit.core.city.City;
import de.parkleit.core.facility.Facility;
import de.parkleit.core.facility.FacilityType;
import de.parkleit.ingest.IngestConfig;
import de.parkleit.ingest.IngestVerticle;
import de.parkleit.platform.metrics.Health;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.platform.store.TimeSeriesStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** The system under test: the real ingest verticle with the real QuestDB store, as {@code parkleit serve} wires it. */
final class Pipeline implements AutoCloseable {

    private final Vertx vertx;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final String deployment;

    /**
     * With {@code connections} input connections subscribed through {@code shareGroup} (null: plainly, one connection)
     * and at most one state per facility per {@code stateInterval} ({@code PARKLEIT_INGEST_STATE_INTERVAL}).
     */
    Pipeline(Vertx vertx, String mqttUrl, String root, City city, TimeSeriesStore store, Path spool, String shareGroup,
             int connections, Duration stateInterval) throws Exception {
        this.vertx = vertx;
        IngestConfig cfg = IngestConfig.defaults(root, spool).withShareGroup(shareGroup).withConnections(connections)
                .withStateInterval(stateInterval);
        deployment = vertx.deployVerticle(new IngestVerticle(cfg, new MqttSettings(mqttUrl, "bench-ingest-" + UUID.randomUUID(),
                false, null, null), city, store, registry, new Health())).await(60, TimeUnit.SECONDS);
    }

    static City city(int facilities, int capacity) {
        List<Facility> fs = new ArrayList<>(facilities);
        for (int i = 0; i < facilities; i++) {
            fs.add(new Facility("F" + i, "Facility " + i, FacilityType.GARAGE, 49.4, 8.69, capacity, ""));
        }
        return new City("Benchtown", fs, null, null);
    }

    /** Readings in the store: written directly or replayed from the spool. */
    long stored() {
        return (long) (count("parkleit.ingest.stored") + count("parkleit.ingest.replayed"));
    }

    long accepted() {
        return (long) count("parkleit.ingest.accepted");
    }

    long rejected() {
        return (long) registry.find("parkleit.ingest.rejected").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    long spooled() {
        return (long) count("parkleit.ingest.spooled");
    }

    /** Mean and max store write time in ms so far. */
    double[] storeWriteMs() {
        var t = registry.find("parkleit.ingest.store.write").timer();
        return t == null ? new double[] {0, 0} : new double[] {t.mean(TimeUnit.MILLISECONDS), t.max(TimeUnit.MILLISECONDS)};
    }

    private double count(String name) {
        var c = registry.find(name).counter();
        return c == null ? 0 : c.count();
    }

    @Override
    public void close() throws Exception {
        vertx.undeploy(deployment).await(30, TimeUnit.SECONDS);
    }
}
