package de.parkleit.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.parkleit.core.topic.Topics;
import de.parkleit.ingest.testing.GatewayPublisher;
import de.parkleit.ingest.testing.TestCities;
import de.parkleit.platform.metrics.Health;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.platform.testing.InMemoryStore;
import de.parkleit.platform.testing.TestBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One ingest instance with two input connections in a share group ({@code PARKLEIT_INGEST_CONNECTIONS=2})
 * against the system Mosquitto on 127.0.0.1:1883: every reading is stored exactly once, both
 * connections carry part of the load, and every message is acknowledged on the connection it came
 * in on (a restart with the same persistent sessions gets nothing redelivered).
 */
class IngestConnectionsIT {

    static final String URL = "tcp://127.0.0.1:1883";
    static final int FACILITIES = 20;
    static final int READINGS = 6_000;

    @TempDir
    Path tmp;
    Vertx vertx;
    String clientId;

    @BeforeEach
    void setUp() {
        assumeTrue(reachable(), "needs the system Mosquitto on 127.0.0.1:1883");
        vertx = Vertx.vertx();
        clientId = "ingest-conn-it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (vertx != null) {
            vertx.close().await(20, TimeUnit.SECONDS);
            for (String id : List.of(clientId, clientId + "-2")) {
                dropSession(id);
            }
        }
    }

    private static boolean reachable() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 1883), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Connecting with a clean session discards the persistent session the test left at the shared broker. */
    private static void dropSession(String id) throws Exception {
        MqttClient c = new MqttClient(URL, id, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        c.connect(o);
        c.disconnect();
        c.close();
    }

    private String deploy(IngestConfig cfg, InMemoryStore store, SimpleMeterRegistry registry) throws Exception {
        return vertx.deployVerticle(new IngestVerticle(cfg, new MqttSettings(URL, clientId, false, null, null),
                TestCities.small(FACILITIES), store, registry, new Health())).await(30, TimeUnit.SECONDS);
    }

    private static double received(SimpleMeterRegistry r, String client) {
        return r.get("parkleit.mqtt.received").tag("client", client).functionCounter().count();
    }

    private static double unacked(SimpleMeterRegistry r, String client) {
        return r.get("parkleit.mqtt.unacked.messages").tag("client", client).gauge().value();
    }

    @Test
    void twoInputConnectionsStoreEveryReadingOnceAndAckEachOnItsOwnConnection() throws Exception {
        Topics topics = new Topics(TestBroker.uniqueRoot());
        IngestConfig cfg = IngestConfig.defaults(topics.root(), tmp.resolve("spool"))
                .withShareGroup("g" + UUID.randomUUID().toString().substring(0, 6)).withConnections(2);
        InMemoryStore store = new InMemoryStore();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        String id = deploy(cfg, store, registry);

        Instant base = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        GatewayPublisher gw = new GatewayPublisher(URL, topics, FACILITIES, READINGS, 100_000, base);
        gw.run();
        assertThat(gw.failure()).isNull();
        await().atMost(60, TimeUnit.SECONDS).until(() -> store.size() == READINGS);
        await().atMost(10, TimeUnit.SECONDS).until(() -> unacked(registry, clientId) == 0 && unacked(registry, clientId + "-2") == 0);

        List<String> log = store.writeLog();
        assertThat(new HashSet<>(log)).hasSize(READINGS);
        assertThat(log).hasSize(READINGS);
        double first = received(registry, clientId);
        double second = received(registry, clientId + "-2");
        assertThat(first).isPositive();
        assertThat(second).isPositive();
        assertThat(first + second).isEqualTo(READINGS);

        // the same persistent sessions again: an unacknowledged message would be redelivered now
        vertx.undeploy(id).await(30, TimeUnit.SECONDS);
        SimpleMeterRegistry again = new SimpleMeterRegistry();
        deploy(cfg.withSpoolDir(tmp.resolve("spool-2")), store, again);
        Thread.sleep(3_000);
        assertThat(store.writeLog()).hasSize(READINGS);
        assertThat(received(again, clientId) + received(again, clientId + "-2")).isZero();
    }

    @Test
    void withoutAShareGroupSeveralConnectionsAreIgnored() throws Exception {
        Topics topics = new Topics(TestBroker.uniqueRoot());
        IngestConfig cfg = IngestConfig.defaults(topics.root(), tmp.resolve("spool")).withConnections(3);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        deploy(cfg, new InMemoryStore(), registry);
        assertThat(registry.find("parkleit.mqtt.unacked.messages").gauges()).hasSize(1);
        assertThat(registry.find("parkleit.mqtt.unacked.messages").gauge().getId().getTag("client")).isEqualTo(clientId);
    }
}
