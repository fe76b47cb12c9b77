package de.parkleit.dashboard;

import de.parkleit.core.city.City;
import de.parkleit.core.codec.FacilityStateCodec;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.city.CityLoader;
import de.parkleit.platform.http.RouteContributor;
import de.parkleit.platform.metrics.Health;
import de.parkleit.platform.mqtt.MqttConnection;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.platform.store.TimeSeriesStore;
import de.parkleit.platform.testing.TestBroker;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A running dashboard for tests: a test broker, the Heidelberg demo city from the repo, the verticle
 * on a free port and a publisher connection for state messages under a private topic root.
 */
public final class DashboardFixture implements AutoCloseable {

    public final TestBroker broker;
    public final Vertx vertx;
    public final City city;
    public final Topics topics;
    public final DashboardVerticle verticle;
    public final Health health = new Health();
    public final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MqttConnection publisher;
    private final String deploymentId;
    private final java.util.Set<String> retained = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private DashboardFixture(DashboardConfig config, List<RouteContributor> extra, City city, TimeSeriesStore store) {
        this.broker = TestBroker.start();
        this.vertx = Vertx.vertx();
        this.city = city;
        this.topics = config.topics();
        MqttSettings mqtt = new MqttSettings(broker.url(), "test-" + UUID.randomUUID(), true, null, null);
        this.verticle = new DashboardVerticle(config, mqtt, city, extra, health, registry, store);
        this.deploymentId = Sync.await(vertx.deployVerticle(verticle), 30);
        this.publisher = new MqttConnection(vertx.getOrCreateContext(), mqtt.withClientId("pub-" + UUID.randomUUID()), false);
        Sync.await(publisher.connect(), 10);
    }

    public static DashboardFixture start() {
        return start(DashboardConfig.forTests(TestBroker.uniqueRoot()), List.of(), heidelberg());
    }

    public static DashboardFixture start(DashboardConfig config, List<RouteContributor> extra, City city) {
        return new DashboardFixture(config, extra, city, null);
    }

    /** With a store behind the planner's traffic history and guidance statistics. */
    public static DashboardFixture start(DashboardConfig config, List<RouteContributor> extra, City city, TimeSeriesStore store) {
        return new DashboardFixture(config, extra, city, store);
    }

    /** The demo city from the repo copy (cities/heidelberg), found from the module directory. */
    public static City heidelberg() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("cities/heidelberg"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cities/heidelberg not found above " + Path.of("").toAbsolutePath());
        }
        return CityLoader.load(p.resolve("cities/heidelberg"), "test");
    }

    public int port() {
        return verticle.actualPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/";
    }

    /** Publishes a state retained, as ingest does, and waits until the broker has it. */
    public void publishState(FacilityState s) {
        retained.add(topics.facilityState(s.facilityId()));
        Sync.await(publisher.publish(topics.facilityState(s.facilityId()), FacilityStateCodec.encode(s), 1, true), 10);
    }

    /** Publishes retained (cleared again on close). */
    public void publishRetained(String topic, byte[] payload) {
        retained.add(topic);
        Sync.await(publisher.publish(topic, payload, 1, true), 10);
    }

    public void publishRaw(String topic, byte[] payload) {
        Sync.await(publisher.publish(topic, payload, 1, false), 10);
    }

    @Override
    public void close() {
        try {
            for (String t : retained) {
                Sync.await(publisher.publish(t, new byte[0], 1, true), 10);
            }
            Sync.await(publisher.disconnect(), 10);
            Sync.await(vertx.undeploy(deploymentId), 10);
        } finally {
            Sync.await(vertx.close(), 10);
            broker.close();
        }
    }
}
