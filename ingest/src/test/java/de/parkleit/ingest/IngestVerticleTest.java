package de.parkleit.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.parkleit.core.city.City;
import de.parkleit.platform.testing.InMemoryStore;
import de.parkleit.ingest.testing.MqttProbe;
import de.parkleit.ingest.testing.TestCities;
import de.parkleit.platform.metrics.Health;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.platform.testing.TestBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestVerticleTest {

    static TestBroker broker;
    Vertx vertx;
    String root;
    InMemoryStore store;
    City city = TestCities.small(3);
    @TempDir
    Path tmp;

    @BeforeAll
    static void up() {
        broker = TestBroker.start();
    }

    @AfterAll
    static void down() {
        broker.close();
    }

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        root = TestBroker.uniqueRoot();
        store = new InMemoryStore();
    }

    @AfterEach
    void tearDown() throws Exception {
        vertx.close().await(20, TimeUnit.SECONDS);
    }

    private String deploy(String clientId) throws Exception {
        return deploy(IngestConfig.defaults(root, tmp.resolve("spool")), clientId, store);
    }

    private String deploy(IngestConfig cfg, String clientId, InMemoryStore target) throws Exception {
        return deploy(cfg, clientId, target, new SimpleMeterRegistry());
    }

    private String deploy(IngestConfig cfg, String clientId, InMemoryStore target, SimpleMeterRegistry registry) throws Exception {
        MqttSettings mqtt = new MqttSettings(broker.url(), clientId, false, null, null);
        return vertx.deployVerticle(new IngestVerticle(cfg, mqtt, city, target, registry, new Health()))
                .await(30, TimeUnit.SECONDS);
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    @Test
    void publishesTheRetainedStateOfAnAcceptedReading() throws Exception {
        deploy("ingest-" + UUID.randomUUID());
        try (MqttProbe probe = new MqttProbe(broker.url())) {
            probe.subscribe(root + "/state/facility/+");
            probe.publish(root + "/parking/P1/occupancy", "{\"ts\":\"" + now() + "\",\"free\":42}");
            await().atMost(10, TimeUnit.SECONDS).until(() -> String.valueOf(probe.last(root + "/state/facility/P1")).contains("\"free\":42"));
            await().atMost(10, TimeUnit.SECONDS).until(() -> store.size() == 1);
            assertThat(probe.last(root + "/state/facility/P2")).contains("\"free\":null").contains("\"status\":\"unknown\"");
        }
        // a late subscriber gets it retained
        try (MqttProbe late = new MqttProbe(broker.url())) {
            late.subscribe(root + "/state/facility/P1");
            await().atMost(10, TimeUnit.SECONDS).until(() -> String.valueOf(late.last(root + "/state/facility/P1")).contains("\"free\":42"));
        }
    }

    @Test
    void aRestartKeepsTheGoodRetainedState() throws Exception {
        String id = deploy("ingest-" + UUID.randomUUID());
        try (MqttProbe probe = new MqttProbe(broker.url())) {
            probe.subscribe(root + "/state/facility/+");
            probe.publish(root + "/parking/P1/occupancy", "{\"ts\":\"" + now() + "\",\"free\":17}");
            await().atMost(10, TimeUnit.SECONDS).until(() -> String.valueOf(probe.last(root + "/state/facility/P1")).contains("\"free\":17"));
        }
        vertx.undeploy(id).await(20, TimeUnit.SECONDS);
        deploy("ingest-" + UUID.randomUUID());
        try (MqttProbe after = new MqttProbe(broker.url())) {
            after.subscribe(root + "/state/facility/+");
            await().atMost(10, TimeUnit.SECONDS).until(() -> after.last(root + "/state/facility/P3") != null);
            Thread.sleep(500);
            assertThat(after.all()).filteredOn(m -> m[0].endsWith("/P1")).allSatisfy(m -> assertThat(m[1]).contains("\"free\":17"));
        }
    }

    @Test
    void deadLettersMalformedJsonAndKeepsGoing() throws Exception {
        deploy("ingest-" + UUID.randomUUID());
        try (MqttProbe probe = new MqttProbe(broker.url())) {
            probe.subscribe(root + "/deadletter/+").subscribe(root + "/state/facility/P2");
            probe.publish(root + "/parking/P2/occupancy", "{\"ts\": oops");
            probe.publish(root + "/parking/NOPE/occupancy", "{\"ts\":\"" + now() + "\",\"free\":1}");
            probe.publish(root + "/parking/P2/occupancy", "{\"ts\":\"" + now() + "\",\"free\":5}");
            await().atMost(10, TimeUnit.SECONDS).until(() -> probe.last(root + "/deadletter/unknown_facility") != null);
            assertThat(probe.last(root + "/deadletter/malformed_json"))
                    .contains("\"topic\":\"" + root + "/parking/P2/occupancy\"").contains("oops");
            await().atMost(10, TimeUnit.SECONDS).until(() -> String.valueOf(probe.last(root + "/state/facility/P2")).contains("\"free\":5"));
        }
    }

    @Test
    void aFacilityWithoutDataTurnsUnknownAndSaysSinceWhen() throws Exception {
        deploy(IngestConfig.defaults(root, tmp.resolve("spool")).withStaleAfter(java.time.Duration.ofSeconds(1)),
                "ingest-" + UUID.randomUUID(), store);
        String ts = now();
        try (MqttProbe probe = new MqttProbe(broker.url())) {
            probe.subscribe(root + "/state/facility/P3");
            probe.publish(root + "/parking/P3/occupancy", "{\"ts\":\"" + ts + "\",\"free\":7}");
            await().atMost(10, TimeUnit.SECONDS).until(() -> String.valueOf(probe.last(root + "/state/facility/P3")).contains("\"free\":7"));
            await().atMost(10, TimeUnit.SECONDS).until(() -> String.valueOf(probe.last(root + "/state/facility/P3")).contains("stale"));
            assertThat(probe.last(root + "/state/facility/P3")).contains("\"free\":null").contains("\"status\":\"unknown\"")
                    .contains("\"updatedAt\":\"" + ts + "\"");
        }
    }

    @Test
    void decodesLorawanUplinksThroughTheDeviceMapping() throws Exception {
        Path devices = tmp.resolve("devices.csv");
        java.nio.file.Files.writeString(devices, "70B3D57ED0001234,occupancy,P2\n");
        deploy(IngestConfig.defaults(root, tmp.resolve("spool")).withLorawanDevices(devices), "ingest-" + UUID.randomUUID(), store);
        String uplink = "{\"deviceInfo\":{\"devEui\":\"70b3d57ed0001234\"},\"time\":\"" + now()
                + "\",\"fCnt\":5,\"object\":{\"free\":61}}";
        try (MqttProbe probe = new MqttProbe(broker.url())) {
            probe.subscribe(root + "/state/facility/P2");
            probe.publish(root + "/lorawan/garages/uplink", uplink);
            await().atMost(10, TimeUnit.SECONDS).until(() -> String.valueOf(probe.last(root + "/state/facility/P2")).contains("\"free\":61"));
        }
    }

    @Test
    void twoInstancesInAShareGroupSplitTheReadingsWithoutDuplicates() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(broker.supportsSharedSubscriptions(), "the embedded broker has no shared subscriptions");
        InMemoryStore a = new InMemoryStore();
        InMemoryStore b = new InMemoryStore();
        IngestConfig cfg = IngestConfig.defaults(root, tmp.resolve("spool-a")).withShareGroup("g" + UUID.randomUUID().toString().substring(0, 6));
        deploy(cfg, "ingest-a-" + UUID.randomUUID(), a);
        deploy(new IngestConfig(cfg.topicRoot(), cfg.shareGroup(), cfg.staleAfter(), cfg.maxFuture(), cfg.maxPayloadBytes(),
                cfg.maxUplinkBytes(), tmp.resolve("spool-b"), cfg.spoolMaxBytes(), cfg.batchMax(), cfg.workers(), cfg.stateInterval(),
                null, null, 1, cfg.gatewayLimits(), cfg.storeHeartbeats()), "ingest-b-" + UUID.randomUUID(), b);
        Instant t0 = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        try (MqttProbe probe = new MqttProbe(broker.url())) {
            for (int i = 0; i < 200; i++) {
                probe.publish(root + "/parking/P1/occupancy", "{\"ts\":\"" + t0.plusSeconds(i) + "\",\"free\":" + (i % 100) + "}");
            }
        }
        await().atMost(15, TimeUnit.SECONDS).until(() -> a.writeLog().size() + b.writeLog().size() >= 200);
        Thread.sleep(500);
        assertThat(a.writeLog().size() + b.writeLog().size()).isEqualTo(200);
        assertThat(a.writeLog()).isNotEmpty().doesNotContainAnyElementsOf(b.writeLog());
        assertThat(b.writeLog()).isNotEmpty();
    }

    @Test
    void aFloodingGatewayIsThrottledAndCountedWhileTheOthersAreStoredInFull() throws Exception {
        // budget: 60/min + 100 spaces x 6/min = 660/min (11/s), burst 10 s = 110 messages
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        deploy(IngestConfig.defaults(root, tmp.resolve("spool")).withGatewayLimits(
                new de.parkleit.ingest.throttle.GatewayLimits(60, 6, java.time.Duration.ofSeconds(10), 100)),
                "ingest-" + UUID.randomUUID(), store, registry);
        Instant t0 = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        int flood = 2_000;
        try (MqttProbe probe = new MqttProbe(broker.url())) {
            probe.subscribe(root + "/deadletter/+");
            long started = System.nanoTime();
            for (int i = 0; i < flood; i++) {
                probe.publish(root + "/parking/P1/occupancy", "{\"ts\":\"" + t0.plusMillis(i) + "\",\"free\":" + (i % 100) + "}");
                if (i % 40 == 0) {
                    probe.publish(root + "/parking/P2/occupancy", "{\"ts\":\"" + t0.plusMillis(i) + "\",\"free\":" + (i % 100) + "}");
                    probe.publish(root + "/parking/P3/counts", "{\"ts\":\"" + t0.plusMillis(i) + "\",\"entered\":1,\"exited\":0,\"seq\":"
                            + (i / 40 + 1) + "}");
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            await().atMost(20, TimeUnit.SECONDS).until(() -> throttled(registry, "parking:P1") + countOf("P1") >= flood);
            await().atMost(10, TimeUnit.SECONDS).until(() -> countOf("P2") == 50 && countOf("P3") == 50);
            assertThat(throttled(registry, "parking:P1")).isEqualTo(flood - countOf("P1"));
            // the burst and what refilled while the flood lasted (11/s), far below the 2,000 sent
            assertThat((double) countOf("P1")).isBetween(110.0, 110 + 11 * (seconds + 3));
            assertThat(countOf("P1")).isLessThan(flood / 2);
            assertThat(throttled(registry, "parking:P2")).isZero();
            assertThat(registry.get("parkleit.ingest.rejected").tag("reason", "throttled").counter().count())
                    .isEqualTo(throttled(registry, "parking:P1"));
            await().atMost(10, TimeUnit.SECONDS).until(() -> probe.last(root + "/deadletter/throttled") != null);
            assertThat(probe.last(root + "/deadletter/throttled")).contains("gateway parking:P1").contains("660 messages/min");
        }
    }

    private long countOf(String facility) {
        return store.writeLog().stream().filter(k -> k.contains("|" + facility + "|")).count();
    }

    private static double throttled(SimpleMeterRegistry registry, String gateway) {
        io.micrometer.core.instrument.Counter c = registry.find("parkleit.ingest.throttled").tag("gateway", gateway).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aHeartbeatRefreshesTheStateButOnlyChangesCostARow() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        deploy(IngestConfig.defaults(root, tmp.resolve("spool")), "ingest-" + UUID.randomUUID(), store, registry);
        Instant t0 = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        boolean[] values = {true, true, true, false, false, true};
        try (MqttProbe probe = new MqttProbe(broker.url())) {
            probe.subscribe(root + "/state/facility/P1");
            for (int i = 0; i < values.length; i++) {
                probe.publish(root + "/parking/P1/spaces/S1", "{\"ts\":\"" + t0.plusSeconds(60L * i) + "\",\"occupied\":" + values[i] + "}");
            }
            String last = t0.plusSeconds(60L * (values.length - 1)).toString();
            await().atMost(10, TimeUnit.SECONDS).until(() -> String.valueOf(probe.last(root + "/state/facility/P1"))
                    .contains("\"updatedAt\":\"" + last + "\""));
            await().atMost(10, TimeUnit.SECONDS).until(() -> registry.get("parkleit.ingest.heartbeats").counter().count() == 3);
            await().atMost(10, TimeUnit.SECONDS).until(() -> store.readings().size() == 3);
            // the first reading, the change to free and the change back: three rows; the facility is fresh as of the last
            assertThat(store.readings()).extracting(r -> r.ts())
                    .containsExactlyInAnyOrder(t0, t0.plusSeconds(180), t0.plusSeconds(300));
            assertThat(probe.last(root + "/state/facility/P1")).contains("\"free\":99");
        }
    }

    @Test
    void heartbeatsAreStoredWhenConfigured() throws Exception {
        deploy(IngestConfig.defaults(root, tmp.resolve("spool")).withStoreHeartbeats(true), "ingest-" + UUID.randomUUID(), store);
        Instant t0 = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        try (MqttProbe probe = new MqttProbe(broker.url())) {
            for (int i = 0; i < 4; i++) {
                probe.publish(root + "/parking/P2/spaces/S1", "{\"ts\":\"" + t0.plusSeconds(60L * i) + "\",\"occupied\":true}");
            }
            await().atMost(10, TimeUnit.SECONDS).until(() -> store.readings().size() == 4);
        }
    }
}
