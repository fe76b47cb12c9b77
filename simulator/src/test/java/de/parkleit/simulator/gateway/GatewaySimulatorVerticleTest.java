package de.parkleit.simulator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.parkleit.core.city.City;
import de.parkleit.core.facility.Facility;
import de.parkleit.core.topic.TopicKind;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.mqtt.MqttConnection;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.platform.testing.TestBroker;
import de.parkleit.simulator.SimulatorConfig;
import de.parkleit.simulator.TestCity;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GatewaySimulatorVerticleTest {

    static TestBroker broker;
    static Vertx vertx;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void up() {
        broker = TestBroker.start();
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void down() {
        vertx.close().await();
        broker.close();
    }

    @Test
    void publishesValidNativeReadingsForEveryFacilityWithRealTimestamps() throws Exception {
        City city = TestCity.heidelberg();
        Topics topics = new Topics(TestBroker.uniqueRoot());
        Map<String, CopyOnWriteArrayList<JsonNode>> got = new ConcurrentHashMap<>();
        MqttConnection sub = new MqttConnection(vertx.getOrCreateContext(),
                new MqttSettings(broker.url(), "sub-" + UUID.randomUUID(), true, null, null), false);
        sub.messageHandler(m -> {
            var match = topics.match(m.topic()).orElseThrow();
            assertThat(match.kind()).isEqualTo(TopicKind.OCCUPANCY);
            try {
                got.computeIfAbsent(match.id(), k -> new CopyOnWriteArrayList<>()).add(JSON.readTree(m.payload()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        sub.connect().await(10, TimeUnit.SECONDS);
        sub.subscribe(topics.parkingInputFilter(), 1).await(10, TimeUnit.SECONDS);

        SimulatorConfig config = SimulatorConfig.defaults().withTopicRoot(topics.root()).withPublishInterval(Duration.ofMillis(200));
        GatewaySimulatorVerticle sim = new GatewaySimulatorVerticle(config,
                new MqttSettings(broker.url(), "sim-" + UUID.randomUUID(), true, null, null), city, Clock.systemUTC(), 1);
        Instant before = Instant.now().minusSeconds(1);
        String deployment = vertx.deployVerticle(sim).await(20, TimeUnit.SECONDS);

        await().atMost(15, TimeUnit.SECONDS).until(() -> got.size() == 20 && got.values().stream().allMatch(l -> l.size() >= 3));
        vertx.undeploy(deployment).await(10, TimeUnit.SECONDS);
        sub.disconnect().await(10, TimeUnit.SECONDS);

        for (Facility f : city.facilities()) {
            for (JsonNode n : got.get(f.id())) {
                Instant ts = Instant.parse(n.get("ts").asText());
                assertThat(ts).isAfter(before).isBefore(Instant.now().plusSeconds(1));
                assertThat(n.get("capacity").asInt()).isEqualTo(f.capacity());
                assertThat(n.get("free").asInt()).isBetween(0, f.capacity());
                assertThat(n.get("status").asText()).isEqualTo("open");
            }
        }
        assertThat(sim.publishedCount()).isGreaterThanOrEqualTo(60);
        assertThat(sim.failedCount()).isZero();
    }

    @Test
    void mixedFormatsAndFaultsReachTheBrokerOnNativeAndLorawanTopics() throws Exception {
        City city = TestCity.heidelberg();
        Topics topics = new Topics(TestBroker.uniqueRoot());
        Map<String, Integer> byKind = new ConcurrentHashMap<>();
        MqttConnection sub = new MqttConnection(vertx.getOrCreateContext(),
                new MqttSettings(broker.url(), "sub-" + UUID.randomUUID(), true, null, null), false);
        sub.messageHandler(m -> byKind.merge(topics.match(m.topic()).map(t -> t.kind().name()).orElse("other"), 1, Integer::sum));
        sub.connect().await(10, TimeUnit.SECONDS);
        sub.subscribe(topics.root() + "/#", 1).await(10, TimeUnit.SECONDS);

        SimulatorConfig config = SimulatorConfig.defaults().withTopicRoot(topics.root()).withPublishInterval(Duration.ofMillis(200))
                .withGateways("mixed", "mixed", de.parkleit.simulator.gateway.FaultRates.parse("drop=0.05,duplicate=0.05,malformed=0.05,reorder=0.05"))
                .withDetectors(java.util.List.of("d1", "d2"));
        GatewaySimulatorVerticle sim = new GatewaySimulatorVerticle(config,
                new MqttSettings(broker.url(), "sim-" + UUID.randomUUID(), true, null, null), city, Clock.systemUTC(), 1);
        String deployment = vertx.deployVerticle(sim).await(20, TimeUnit.SECONDS);
        await().atMost(15, TimeUnit.SECONDS).until(() -> byKind.keySet().containsAll(java.util.List.of("OCCUPANCY", "COUNTS", "LORAWAN_UPLINK", "TRAFFIC"))
                && sim.faultCounts().keySet().containsAll(java.util.List.of("dropped", "duplicated", "malformed", "reordered")));
        vertx.undeploy(deployment).await(10, TimeUnit.SECONDS);
        sub.disconnect().await(10, TimeUnit.SECONDS);
        assertThat(sim.failedCount()).isZero();
    }
}
