package de.parkleit.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.cityinit.area.BoundingBox;
import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.testing.TestBroker;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A second city built by {@code ./parkleit city init} (the command line) from the repository's Heidelberg extract with another
 * area than the demo city (Rohrbach, Boxberg, Leimen; facilities from OSM {@code amenity=parking}),
 * run by {@code serve --city}: the node loads it, takes a reading for one of its facilities and
 * gives guidance inside that area.
 */
class OwnCityIT {

    static final BoundingBox SOUTH = new BoundingBox(8.66, 49.35, 8.72, 49.39);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static TestBroker broker;
    static Node node;
    static Topics topics;
    static java.util.List<de.parkleit.core.facility.Facility> facilities;

    @BeforeAll
    static void start() throws Exception {
        Path out = Files.createTempDirectory("parkleit-own-city-").resolve("heidelberg-sued");
        // through the command line, as a city's IT person runs it (facilities from OSM: no --facilities)
        java.io.StringWriter stdout = new java.io.StringWriter();
        java.io.StringWriter stderr = new java.io.StringWriter();
        int exit = Parkleit.execute(new java.io.PrintWriter(stdout, true), new java.io.PrintWriter(stderr, true),
                "city", "init", "--name", "Heidelberg-Süd", "--osm", "../opendata/heidelberg/heidelberg.osm.pbf",
                "--bbox", SOUTH.west() + "," + SOUTH.south() + "," + SOUTH.east() + "," + SOUTH.north(), "--out", out.toString());
        assertThat(exit).as(stdout + "\n" + stderr).isZero();
        assertThat(stdout.toString()).contains("Run it: ./parkleit demo --city " + out);
        facilities = de.parkleit.platform.city.CityLoader.load(out, "--city").facilities();
        assertThat(facilities).isNotEmpty();
        broker = TestBroker.start();
        String root = TestBroker.uniqueRoot();
        topics = new Topics(root);
        Map<String, String> env = NodeFixture.env(broker.url(), root);
        if (!broker.supportsSharedSubscriptions()) {
            env.put("PARKLEIT_INGEST_SHARE_GROUP", "none");
        }
        ServeCommand serve = new ServeCommand();
        picocli.CommandLine cl = new picocli.CommandLine(serve);
        cl.parseArgs("--city", out.toString());
        Map<String, String> vars = new java.util.HashMap<>(env);
        vars.put(AppConfig.CITY, serve.options.city.toString());
        node = NodeFixture.start(vars, Mode.SERVE);
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
    void theNodeServesTheNewCityAndGuidesToItsOsmFacilities() throws Exception {
        JsonArray facilities = getArray("/api/v1/facilities");
        assertThat(facilities.size()).isEqualTo(OwnCityIT.facilities.size());
        for (Object o : facilities) {
            JsonObject f = (JsonObject) o;
            assertThat(f.getString("id")).startsWith("osm-");
        }
        String target = OwnCityIT.facilities.get(0).id();
        double lat = OwnCityIT.facilities.get(0).lat();
        double lon = OwnCityIT.facilities.get(0).lon();

        MqttClient gateway = new MqttClient(broker.url(), "gw-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        gateway.connect(o);
        gateway.publish(topics.occupancy(target), ReadingCodec.encode(new OccupancyReading(target, Instant.now(), 7, null, null)), 1, false);
        gateway.disconnect();
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> Integer.valueOf(7).equals(get("/api/v1/facilities/" + target).getInteger("free")));

        String from = "49.3820,8.6900";
        JsonObject g = get(String.format(java.util.Locale.ROOT, "/api/v1/guidance?from=%s&to=%.5f,%.5f", from, lat, lon));
        assertThat(g.getJsonArray("results")).isNotEmpty();
        JsonObject best = g.getJsonArray("results").getJsonObject(0);
        assertThat(best.getJsonObject("facility").getString("id")).startsWith("osm-").isEqualTo(g.getString("recommended"));
        assertThat(best.getDouble("driveSeconds")).isPositive();
        assertThat(best.getJsonObject("route").getJsonArray("features")).hasSize(2);
    }

    private static JsonObject get(String path) throws Exception {
        return new JsonObject(body(path));
    }

    private static JsonArray getArray(String path) throws Exception {
        String b = body(path);
        return b.trim().startsWith("[") ? new JsonArray(b) : new JsonObject(b).getJsonArray("facilities");
    }

    private static String body(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }
}
