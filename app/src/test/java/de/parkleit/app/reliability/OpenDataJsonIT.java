package de.parkleit.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.parkleit.app.Node;
import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.topic.Topics;
import de.parkleit.dashboard.opendata.OtpParkApiReader;
import de.parkleit.dashboard.opendata.PplSchema;
import de.parkleit.platform.testing.TestBroker;
import de.parkleit.platform.testing.TestHttp;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON open-data exports of a running demo node (issue 17): Parking Publication Light valid
 * against the official schema, the ParkAPI v1 document read with OpenTripPlanner's rules, conditional
 * GET, and the ParkAPI v3 push, configured by environment, reaching a local stand-in hub with every
 * site and its live count.
 */
class OpenDataJsonIT {

    private static final String ROOT = TestBroker.uniqueRoot();
    private static final String AUTH = "Basic Y2l0eTpzM2NyZXQ="; // city:s3cret
    private static Vertx vertx;
    private static HttpServer hub;
    private static final List<String> hubProblems = new CopyOnWriteArrayList<>();
    private static final Map<String, JsonObject> pushed = new ConcurrentHashMap<>();
    private static Node node;
    private static TestHttp http;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        hub = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            if (!AUTH.equals(req.getHeader("Authorization")) || !req.path().equals("/api/admin/v1/parking-sites/upsert-list")) {
                hubProblems.add(req.path() + " " + req.getHeader("Authorization"));
                req.response().setStatusCode(401).end();
                return;
            }
            for (Object o : b.toJsonObject().getJsonArray("items")) {
                pushed.put(((JsonObject) o).getString("uid"), (JsonObject) o);
            }
            req.response().putHeader("Content-Type", "application/json").end("{}");
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Map<String, String> env = ReliabilityNodes.env(null, ROOT, "opendata");
        env.put("PARKLEIT_PARKAPI_PUSH_URL", "http://127.0.0.1:" + hub.actualPort());
        env.put("PARKLEIT_PARKAPI_PUSH_SOURCE_UID", "city");
        env.put("PARKLEIT_PARKAPI_PUSH_PASSWORD", "s3cret");
        env.put("PARKLEIT_PARKAPI_PUSH_INTERVAL", "1s");
        env.put("PARKLEIT_HTTP_RATE_LIMIT", "1000000");
        env.put("PARKLEIT_HTTP_RATE_BURST", "1000000");
        node = ReliabilityNodes.start(env);
        http = new TestHttp(node.httpPort());
        Topics topics = new Topics(ROOT);
        Instant fresh = Instant.now().minusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        MqttClient gw = new MqttClient(node.mqttUrl(), "opendata-gw-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        gw.connect(o);
        int k = 0;
        for (var f : node.city().facilities()) {
            int free = Math.min(f.capacity(), 5 + (k++ * 13) % 60);
            gw.publish(topics.occupancy(f.id()), ReadingCodec.encode(new OccupancyReading(f.id(), fresh, free, null, null)), 1, false);
        }
        gw.disconnect();
        gw.close();
        await().atMost(30, TimeUnit.SECONDS).until(() -> new JsonArray(http.get("/api/v1/facilities").body()).stream()
                .map(JsonObject.class::cast).allMatch(f -> f.getValue("free") != null));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (vertx != null) {
            vertx.close();
        }
    }

    @Test
    void parkingPublicationLightValidatesAndCarriesEveryCount() {
        HttpResponse<String> r = http.get("/api/v1/opendata/ppl.json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(PplSchema.errors(r.body())).isEmpty();
        JsonArray sites = new JsonObject(r.body()).getJsonObject("parkingPublicationLight").getJsonArray("parkingSite");
        assertThat(sites).hasSize(node.city().facilities().size());
        assertThat(sites.stream().map(JsonObject.class::cast)).allMatch(s -> s.getInteger("availableSpaces") != null);
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(http.get("/api/v1/opendata/ppl.json", "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void parkApiDocumentReadsForOpenTripPlanner() throws Exception {
        Map<String, OtpParkApiReader.OtpLot> lots = OtpParkApiReader.read(http.get("/api/v1/opendata/parkapi.json").body());
        assertThat(lots).hasSize(node.city().facilities().size());
        assertThat(lots.values()).allMatch(l -> l.free() != null && l.free() >= 0 && l.capacity() != null && !l.closed());
    }

    @Test
    void theNodePushesEverySiteToTheHub() {
        await().atMost(30, TimeUnit.SECONDS).until(() -> pushed.size() == node.city().facilities().size()
                && pushed.values().stream().allMatch(i -> i.containsKey("realtime_free_capacity")));
        assertThat(hubProblems).isEmpty();
        Set<String> required = Set.of("uid", "name", "purpose", "type", "lat", "lon", "capacity", "has_realtime_data",
                "static_data_updated_at", "realtime_data_updated_at", "realtime_opening_status");
        assertThat(pushed.values()).allMatch(i -> i.fieldNames().containsAll(required));
        assertThat(http.get("/metrics").body()).contains("parkleit_dashboard_parkapi_push_items_total")
                .contains("parkleit_dashboard_parkapi_push_requests_total{outcome=\"success\"");
    }
}
