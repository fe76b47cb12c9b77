package de.parkleit.guidance.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.parkleit.core.city.City;
import de.parkleit.core.codec.FacilityStateCodec;
import de.parkleit.core.facility.Facility;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.Trend;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.http.Problems;
import de.parkleit.platform.metrics.Health;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.platform.store.StoreOptions;
import de.parkleit.platform.store.TimeSeriesStore;
import de.parkleit.platform.store.questdb.EmbeddedQuestDb;
import de.parkleit.platform.store.questdb.QuestDbStore;
import de.parkleit.platform.testing.TestBroker;
import de.parkleit.platform.testing.TestHttp;
import de.parkleit.prediction.forecast.ForecastConfig;
import de.parkleit.guidance.forecast.MuensterSlices;
import de.parkleit.guidance.GuidanceConfig;
import de.parkleit.routing.network.TestNetworks;
import de.parkleit.prediction.OccupancySeries;
import de.parkleit.prediction.SlotClock;
import de.parkleit.guidance.signs.SignsConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running guidance with the model on: four weeks of real occupancy (the Münster export's central garages, in
 * shares of capacity, put onto the Heidelberg facilities and moved by whole weeks to end before now) in an embedded
 * QuestDB, live states over a real broker. The verticle trains at start and its answers say the model made them.
 */
class ModelGuidanceIT {

    private static final Instant FROM = Instant.parse("2024-05-06T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-06-03T00:00:00Z");
    private static final String TRIP = "from=49.4058,8.6610&to=49.41043,8.70627";
    private static final String KAUFHOF = "heidelbergp7kaufhof";

    @TempDir
    static Path dir;
    static TimeSeriesStore store;
    static TestBroker broker;
    static MqttClient gateway;
    static Vertx vertx;
    static TestHttp http;
    static final List<Facility> facilities = TestNetworks.heidelbergFacilities();

    @BeforeAll
    static void start() throws Exception {
        store = QuestDbStore.openOwning(EmbeddedQuestDb.start(dir.resolve("questdb"), 0), StoreOptions.defaults());
        writeHistory();
        broker = TestBroker.start();
        Topics topics = new Topics(TestBroker.uniqueRoot());
        gateway = new MqttClient(broker.url(), "gw-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        gateway.connect(o);
        Instant now = Instant.now();
        for (Facility f : facilities) {
            MqttMessage m = new MqttMessage(FacilityStateCodec.encode(new FacilityState(f.id(), f.capacity() / 2, f.capacity(),
                    FacilityStatus.OPEN, Trend.STEADY, now, Set.of())));
            m.setQos(1);
            m.setRetained(true);
            gateway.publish(topics.facilityState(f.id()), m);
        }
        vertx = Vertx.vertx();
        Path folder = TestNetworks.repoFile("cities/heidelberg");
        City city = new City("Heidelberg", facilities, folder.resolve("roads.osm.pbf"), folder);
        GuidanceVerticle v = new GuidanceVerticle(GuidanceConfig.defaults(topics.root(), "m"),
                ForecastConfig.defaults(MuensterSlices.BERLIN), SignsConfig.defaults(topics.root(), null),
                new MqttSettings(broker.url(), "it-model", true, null, null), city, TestNetworks.heidelbergCar(), null, store,
                vertx.createSharedWorkerExecutor("guidance-model-it", 2), new SimpleMeterRegistry(), new Health(),
                Clock.systemUTC());
        vertx.deployVerticle(v).await();
        Router router = Router.router(vertx);
        Problems.install(router);
        v.routes().mount(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0).await();
        http = new TestHttp(server.actualPort());
    }

    /**
     * Each Heidelberg facility gets one Münster garage's free share times its own capacity, every five minutes (a
     * night value of the export, which has one every 15 minutes, is repeated as a gateway would).
     */
    private static void writeHistory() throws Exception {
        MuensterSlices data = MuensterSlices.load();
        long shift = Duration.between(TO, Instant.now()).toDays() / 7 * SlotClock.SLOTS_PER_WEEK;
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < facilities.size(); i++) {
            Facility f = facilities.get(i);
            OccupancySeries s = data.slice(MuensterSlices.GARAGES.get(i % MuensterSlices.GARAGES.size()), FROM, TO, shift);
            double last = Double.NaN;
            int age = 0;
            for (long slot = s.firstSlot(); slot <= s.latestSlot(); slot++) {
                double v = s.freeAt(slot);
                if (!Double.isNaN(v)) {
                    last = v;
                    age = 0;
                } else if (++age > 2) {
                    last = Double.NaN;
                }
                if (!Double.isNaN(last)) {
                    int free = (int) Math.round(last / s.capacity() * f.capacity());
                    readings.add(new OccupancyReading(f.id(), SlotClock.startOf(slot).plusSeconds(30), free, f.capacity(),
                            FacilityStatus.OPEN));
                }
            }
        }
        store.write(readings);
    }

    @AfterAll
    static void stop() throws Exception {
        if (vertx != null) {
            vertx.close().await();
        }
        if (gateway != null) {
            gateway.disconnect();
            gateway.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private static JsonObject get(String path) {
        return new JsonObject(http.get(path).body());
    }

    @Test
    void guidanceRanksWithTheTrainedModelAndSaysSo() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonObject a = get(GuidanceHandler.PATH + "?" + TRIP);
            return a.containsKey("results") && a.getJsonArray("results").stream()
                    .allMatch(r -> "model".equals(((JsonObject) r).getString("forecastSource")));
        });
        JsonArray results = get(GuidanceHandler.PATH + "?" + TRIP).getJsonArray("results");
        assertThat(results).isNotEmpty();
        for (Object o : results) {
            JsonObject r = (JsonObject) o;
            assertThat(r.getString("forecastSource")).isEqualTo("model");
            assertThat(r.getInteger("predictedFree")).isBetween(0, r.getJsonObject("facility").getInteger("capacity"));
        }
    }

    @Test
    void theForecastEndpointGivesTheNextHourWithABand() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                "model".equals(get("/api/v1/facilities/" + KAUFHOF + "/forecast").getString("forecastSource")));
        JsonObject f = get("/api/v1/facilities/" + KAUFHOF + "/forecast");
        assertThat(f.getString("facility")).isEqualTo(KAUFHOF);
        assertThat(f.getString("availability")).isEqualTo("open");
        JsonArray list = f.getJsonArray("forecast");
        assertThat(list.stream().map(o -> ((JsonObject) o).getInteger("minutes"))).containsExactly(15, 30, 45, 60);
        for (Object o : list) {
            JsonObject h = (JsonObject) o;
            assertThat(h.getString("source")).isEqualTo("model");
            assertThat(h.getInteger("lowFree")).isLessThanOrEqualTo(h.getInteger("expectedFree"));
            assertThat(h.getInteger("highFree")).isGreaterThanOrEqualTo(h.getInteger("expectedFree"))
                    .isLessThanOrEqualTo(f.getInteger("capacity"));
            assertThat(h.getDouble("probabilityFree")).isBetween(0.0, 1.0);
        }
        JsonObject two = get("/api/v1/facilities/" + KAUFHOF + "/forecast?minutes=5,120");
        assertThat(two.getJsonArray("forecast").stream().map(o -> ((JsonObject) o).getInteger("minutes"))).containsExactly(5, 120);
    }

    @Test
    void badIdsAndTimesAreProblems() {
        HttpResponse<String> unknown = http.get("/api/v1/facilities/nosuchgarage/forecast");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        for (String bad : List.of("abc", "0", "1441", "15,,30", "1,2,3,4,5,6,7,8,9,10,11,12,13")) {
            HttpResponse<String> r = http.get("/api/v1/facilities/" + KAUFHOF + "/forecast?minutes=" + bad);
            assertThat(r.statusCode()).as("minutes=%s", bad).isEqualTo(400);
            assertThat(new JsonObject(r.body()).getString("type")).endsWith("invalid-parameter");
        }
    }
}
