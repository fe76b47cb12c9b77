package de.parkleit.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.testing.TestBroker;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production path end to end: {@code serve} against the test broker (a real Mosquitto in CI)
 * with the embedded QuestDB. A plain MQTT client publishes a reading; within 2 s it is in the API
 * and in the store.
 */
class EndToEndIT {

    static TestBroker broker;
    static Node node;
    static Topics topics;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String FACILITY = "heidelbergp12kornmarktschloss";

    @BeforeAll
    static void start() throws Exception {
        broker = TestBroker.start();
        String root = TestBroker.uniqueRoot();
        topics = new Topics(root);
        Map<String, String> env = NodeFixture.env(broker.url(), root);
        if (!broker.supportsSharedSubscriptions()) {
            env.put("PARKLEIT_INGEST_SHARE_GROUP", "none");
        }
        node = NodeFixture.start(env, Mode.SERVE);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aReadingPublishedByAnyMqttClientIsLiveWithinTwoSecondsAndStored() throws Exception {
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        int free = 37;
        MqttClient gateway = new MqttClient(broker.url(), "gateway-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        gateway.connect(o);
        long published = System.nanoTime();
        gateway.publish(topics.occupancy(FACILITY),
                ReadingCodec.encode(new OccupancyReading(FACILITY, ts, free, null, null)), 1, false);
        gateway.disconnect();

        JsonObject live = null;
        while (System.nanoTime() - published < Duration.ofSeconds(2).toNanos()) {
            JsonObject f = get("/api/v1/facilities/" + FACILITY);
            if (Integer.valueOf(free).equals(f.getInteger("free")) && ts.toString().equals(f.getString("updatedAt"))) {
                live = f;
                break;
            }
            Thread.sleep(20);
        }
        assertThat(live).as("facility state within 2 s of publishing").isNotNull();
        assertThat(live.getString("status")).isEqualTo("open");
        assertThat(live.getInteger("capacity")).isEqualTo(158);

        long stored = 0;
        for (int i = 0; i < 100 && stored == 0; i++) {
            stored = node.store().countOccupancy(FACILITY, ts, ts.plusMillis(1));
            if (stored == 0) {
                Thread.sleep(50);
            }
        }
        assertThat(stored).as("rows in QuestDB for the reading").isEqualTo(1);
        assertThat(node.store().occupancyHistory(FACILITY, ts.minusSeconds(60), ts.plusSeconds(60), Duration.ofMinutes(2)))
                .anySatisfy(b -> assertThat(b.minFree()).isEqualTo(free));
    }

    @Test
    void healthAndMetricsAnswer() throws Exception {
        HttpResponse<String> ready = HTTP.send(req("/health/ready"), HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = HTTP.send(req("/metrics"), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("parkleit_ingest_accepted_total");
        HttpResponse<String> unknown = HTTP.send(req("/api/v1/facilities/nope"), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
    }

    @Test
    void guidanceFromTheStationToTheOldTownRanksGaragesWithRoutes() throws Exception {
        JsonObject g = get("/api/v1/guidance?from=49.4037,8.6756&to=49.4120,8.7100");
        assertThat(g.getJsonArray("results")).isNotEmpty();
        JsonObject best = g.getJsonArray("results").getJsonObject(0);
        assertThat(best.getJsonObject("facility").getString("id")).isEqualTo(g.getString("recommended"));
        assertThat(best.getDouble("driveSeconds")).isPositive();
        assertThat(best.getDouble("walkSeconds")).isNotNegative();
        assertThat(best.getJsonObject("route").getJsonArray("features")).hasSize(2);
        HttpResponse<String> bad = HTTP.send(req("/api/v1/guidance?from=north&to=49.41,8.71"), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
    }

    private static JsonObject get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(req(path), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return new JsonObject(r.body());
    }

    private static HttpRequest req(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path)).timeout(Duration.ofSeconds(5)).build();
    }
}
