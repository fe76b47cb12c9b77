package de.parkleit.simulator.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.parkleit.core.topic.TopicKind;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.mqtt.MqttConnection;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.platform.testing.TestBroker;
import de.parkleit.simulator.TestCity;
import de.parkleit.simulator.gateway.PayloadFormat;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReplayVerticleTest {

    @Test
    void replaysADayInAboutFiveSecondsWithWallClockTimestampsInOrder() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (TestBroker broker = TestBroker.start()) {
            Topics topics = new Topics(TestBroker.uniqueRoot());
            Map<String, List<Instant>> ts = new ConcurrentHashMap<>();
            List<String> kinds = new CopyOnWriteArrayList<>();
            ObjectMapper json = new ObjectMapper();
            MqttConnection sub = new MqttConnection(vertx.getOrCreateContext(),
                    new MqttSettings(broker.url(), "sub-" + UUID.randomUUID(), true, null, null), false);
            sub.messageHandler(m -> topics.match(m.topic()).ifPresent(t -> {
                kinds.add(t.kind().name());
                try {
                    JsonNode n = json.readTree(m.payload());
                    ts.computeIfAbsent(t.id(), k -> new CopyOnWriteArrayList<>()).add(Instant.parse(n.get("ts").asText()));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
            sub.connect().await(10, TimeUnit.SECONDS);
            sub.subscribe(topics.root() + "/#", 1).await(10, TimeUnit.SECONDS);

            ReplayConfig c = new ReplayConfig(Path.of("../opendata/muenster"), null, LocalDateTime.of(2024, 6, 1, 0, 0), 1, 17_280,
                    PayloadFormat.NATIVE, topics.root(), ZoneId.of("Europe/Berlin"));
            ReplayVerticle v = new ReplayVerticle(c, new MqttSettings(broker.url(), "rp-" + UUID.randomUUID(), true, null, null),
                    TestCity.heidelberg(), Clock.systemUTC());
            Instant start = Instant.now();
            vertx.deployVerticle(v).await(30, TimeUnit.SECONDS);
            long n = v.done().await(30, TimeUnit.SECONDS);
            // a broker with default limits (Mosquitto: 1,000 queued messages per client) may drop a few in a burst
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (kinds.size() < n && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat((double) kinds.size()).isGreaterThanOrEqualTo(0.98 * n);
            Instant end = Instant.now();
            sub.disconnect().await(10, TimeUnit.SECONDS);

            assertThat(kinds).contains(TopicKind.OCCUPANCY.name(), TopicKind.TRAFFIC.name());
            assertThat(ts.get("heidelbergp7kaufhof")).hasSizeGreaterThan(150).isSorted()
                    .allMatch(t -> !t.isBefore(start.minusSeconds(1)) && !t.isAfter(end));
            assertThat(java.time.Duration.between(start, end).toSeconds()).isLessThan(30);
        } finally {
            vertx.close().await();
        }
    }
}
