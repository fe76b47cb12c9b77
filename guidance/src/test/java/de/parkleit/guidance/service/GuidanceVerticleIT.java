package de.parkleit.guidance.service;

import de.parkleit.core.codec.IssuedCodec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.parkleit.core.city.City;
import de.parkleit.core.codec.FacilityOperationCodec;
import de.parkleit.core.codec.FacilityStateCodec;
import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.core.facility.Facility;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.Trend;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.http.Problems;
import de.parkleit.platform.testing.TestHttp;
import de.parkleit.platform.metrics.Health;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.platform.store.GuidanceIssued;
import de.parkleit.platform.store.SignDisplay;
import de.parkleit.platform.testing.InMemoryStore;
import de.parkleit.platform.testing.TestBroker;
import de.parkleit.guidance.GuidanceConfig;
import de.parkleit.routing.network.TestNetworks;
import de.parkleit.guidance.signs.SignsConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Guidance and signs over a real broker: retained states in, sign topics and shared recommendations out. */
class GuidanceVerticleIT {

    private static final String KAUFHOF = "heidelbergp7kaufhof";
    private static final String POST = "heidelbergp1poststrasse";
    private static TestBroker broker;
    private static Topics topics;
    private static MqttClient gateway;
    private static MqttClient watcher;
    private static final Map<String, JsonObject> signs = new ConcurrentHashMap<>();
    private static final List<JsonObject> shared = new CopyOnWriteArrayList<>();
    private static final List<Facility> facilities = TestNetworks.heidelbergFacilities();
    private static final InMemoryStore storeA = new InMemoryStore();
    private static final InMemoryStore storeB = new InMemoryStore();
    private static Vertx vertx;
    private static HttpServer serverA;
    private static HttpServer serverB;
    private static final java.util.Map<Integer, TestHttp> http = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        broker = TestBroker.start();
        topics = new Topics(TestBroker.uniqueRoot());
        gateway = client("gw");
        Instant now = Instant.now();
        for (Facility f : facilities) {
            publishState(new FacilityState(f.id(), f.capacity() / 2, f.capacity(), FacilityStatus.OPEN, Trend.STEADY, now, Set.of()));
        }
        watcher = client("watch");
        watcher.subscribe(topics.signFilter(), 1, (t, m) -> signs.put(t.substring(t.lastIndexOf('/') + 1), json(m)));
        watcher.subscribe(topics.guidanceIssued(), 1, (t, m) -> shared.add(json(m)));

        vertx = Vertx.vertx();
        Path folder = TestNetworks.repoFile("cities/heidelberg");
        City city = new City("Heidelberg", facilities, folder.resolve("roads.osm.pbf"), folder);
        SignsConfig withSigns = SignsConfig.defaults(topics.root(), folder.resolve("signs.geojson")).withSettle(Duration.ofMillis(300));
        serverA = deploy(city, GuidanceConfig.defaults(topics.root(), "a"), withSigns, storeA);
        serverB = deploy(city, GuidanceConfig.defaults(topics.root(), "b"), SignsConfig.defaults(topics.root(), null), storeB);
    }

    private static HttpServer deploy(City city, GuidanceConfig cfg, SignsConfig signsConfig, InMemoryStore store) {
        MqttSettings mqtt = new MqttSettings(broker.url(), "it-" + cfg.instanceId(), true, null, null);
        GuidanceVerticle v = new GuidanceVerticle(cfg, signsConfig, mqtt, city, TestNetworks.heidelbergCar(), null, store,
                vertx.createSharedWorkerExecutor("guidance-it-" + cfg.instanceId(), 2), new SimpleMeterRegistry(), new Health(),
                Clock.systemUTC());
        vertx.deployVerticle(v).await();
        Router router = Router.router(vertx);
        Problems.install(router);
        v.routes().mount(router);
        return vertx.createHttpServer().requestHandler(router).listen(0).await();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vertx != null) {
            vertx.close().await();
        }
        for (MqttClient c : new MqttClient[] {gateway, watcher}) {
            if (c != null) {
                c.disconnect();
                c.close();
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static MqttClient client(String name) throws Exception {
        MqttClient c = new MqttClient(broker.url(), name + "-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        c.connect(o);
        return c;
    }

    private static JsonObject json(MqttMessage m) {
        return new JsonObject(new String(m.getPayload(), StandardCharsets.UTF_8));
    }

    private static void publishState(FacilityState s) throws Exception {
        MqttMessage m = new MqttMessage(FacilityStateCodec.encode(s));
        m.setQos(1);
        m.setRetained(true);
        gateway.publish(topics.facilityState(s.facilityId()), m);
    }

    private static String lineText(String sign, String facility) {
        JsonObject frame = signs.get(sign);
        if (frame == null) {
            return null;
        }
        for (Object o : frame.getJsonArray("lines")) {
            JsonObject l = (JsonObject) o;
            if (l.getString("facility").equals(facility)) {
                return l.getString("text");
            }
        }
        return null;
    }

    private static JsonObject guidance(HttpServer server, String query) {
        return new JsonObject(http.computeIfAbsent(server.actualPort(), TestHttp::new).get(GuidanceHandler.PATH + "?" + query).body());
    }

    @Test
    void signsFollowTheRetainedStatesAndEveryChangeIsAudited() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> signs.size() == 11
                && "P7 Kaufhof 243".equals(lineText("hd-s10-kurfuersten", KAUFHOF)));
        assertThat(lineText("hd-s11-neckarstaden", KAUFHOF)).isEqualTo("P7 Kaufhof frei");
        JsonObject frame = signs.get("hd-s01-speyerer");
        assertThat(Instant.parse(frame.getString("validUntil"))).isAfter(Instant.now());
        assertThat(frame.getJsonArray("lines").getJsonObject(3).getString("arrow")).isEqualTo("left");

        publishState(new FacilityState(KAUFHOF, 3, 486, FacilityStatus.OPEN, Trend.FILLING, Instant.now(), Set.of()));
        await().atMost(Duration.ofSeconds(10)).until(() -> "P7 Kaufhof besetzt".equals(lineText("hd-s10-kurfuersten", KAUFHOF))
                && "P7 Kaufhof besetzt".equals(lineText("hd-s11-neckarstaden", KAUFHOF)));

        publishState(new FacilityState(POST, 200, 528, FacilityStatus.CLOSED, Trend.STEADY, Instant.now(), Set.of()));
        await().atMost(Duration.ofSeconds(10)).until(() -> "P1 Poststraße geschlossen".equals(lineText("hd-s01-speyerer", POST)));

        String p3 = "heidelbergp3crowneplaza";
        MqttMessage op = new MqttMessage(FacilityOperationCodec.encode(new FacilityOperation(p3, FacilityStatus.RESERVED,
                "Weihnachtsmarkt", Instant.now().plus(Duration.ofHours(1)), "ops", Instant.now().minusSeconds(1))));
        op.setQos(1);
        op.setRetained(true);
        gateway.publish(topics.facilityOperation(p3), op);
        await().atMost(Duration.ofSeconds(10)).until(() -> "P3 Crowne Plaza geschlossen".equals(lineText("hd-s01-speyerer", p3)));
        gateway.publish(topics.facilityOperation(p3), new byte[0], 1, true);
        await().atMost(Duration.ofSeconds(10)).until(() -> "P3 Crowne Plaza 70".equals(lineText("hd-s01-speyerer", p3)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(storeA.events())
                .filteredOn(e -> e instanceof SignDisplay d && d.signId().equals("hd-s10-kurfuersten"))
                .extracting(e -> ((SignDisplay) e).text())
                .anySatisfy(t -> assertThat(t).contains("P7 Kaufhof besetzt", "P7 Kaufhof: free 243 -> 3",
                        "free -> full (occupancy rose to >= 95 %)")));
    }

    @Test
    void recommendationsAreStoredAndSharedSoTheOtherInstanceCountsThem() {
        String trip = "from=49.4058,8.6610&to=49.41043,8.70627";
        await().atMost(Duration.ofSeconds(20)).until(() -> guidance(serverB, trip).containsKey("results"));
        JsonObject a = null;
        for (int i = 0; i < 5; i++) {
            a = guidance(serverA, trip);
        }
        String facility = a.getString("recommended");
        assertThat(a.getJsonArray("results").stream().map(r -> ((JsonObject) r).getString("forecastSource")))
                .as("without history the live trend forecasts").containsOnly("trend");
        String lastRequest = a.getString("requestId");
        await().atMost(Duration.ofSeconds(10)).until(() -> shared.stream().anyMatch(s -> s.getString("request").equals(lastRequest)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(storeA.events())
                .filteredOn(e -> e instanceof GuidanceIssued g && g.requestId().equals(lastRequest)).hasSize(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonArray results = guidance(serverB, trip).getJsonArray("results");
            int pendingThere = 0;
            for (Object o : results) {
                JsonObject r = (JsonObject) o;
                pendingThere += r.getJsonObject("facility").getString("id").equals(facility) ? r.getInteger("pending") : 0;
            }
            assertThat(pendingThere).as("instance b counts instance a's recommendations to %s", facility).isGreaterThanOrEqualTo(1);
        });
        assertThat(storeB.events()).noneMatch(e -> e instanceof GuidanceIssued g && g.requestId().startsWith("a-"));
    }
}
