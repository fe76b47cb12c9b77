package de.parkleit.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.facility.Facility;
import de.parkleit.platform.config.Env;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code demo --city DIR} on a folder {@code city init} built from the repository's Heidelberg extract (the south,
 * facilities from OSM): the demo's simulated gateways report for the new city's facilities (embedded broker and
 * store, no backfill), and guidance answers inside that area.
 */
class OwnCityDemoIT {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static Node node;
    static List<Facility> facilities;

    @BeforeAll
    static void start() throws Exception {
        Path out = Files.createTempDirectory("parkleit-own-demo-").resolve("heidelberg-sued");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = Parkleit.execute(new PrintWriter(stdout, true), new PrintWriter(stderr, true),
                "city", "init", "--name", "Heidelberg-Süd", "--osm", "../opendata/heidelberg/heidelberg.osm.pbf",
                "--bbox", "8.66,49.35,8.72,49.39", "--out", out.toString());
        assertThat(exit).as(stdout + "\n" + stderr).isZero();
        facilities = de.parkleit.platform.city.CityLoader.load(out, "--city").facilities();

        DemoCommand demo = new DemoCommand();
        new picocli.CommandLine(demo).parseArgs("--city", out.toString());
        Map<String, String> vars = new HashMap<>(NodeFixture.env(null, "parkleit/v1"));
        vars.put(AppConfig.CITY, demo.options.city.toString());
        vars.put("PARKLEIT_SIM_BACKFILL_DAYS", "0");
        vars.put("PARKLEIT_SIM_INTERVAL", "1s");
        Env env = new Env(vars);
        node = Node.start(AppConfig.fromEnv(env, NodeFixture.HOME), env, Mode.DEMO);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void theDemoSimulatesTheNewCitysFacilitiesAndGuidesToThem() throws Exception {
        Set<String> ids = facilities.stream().map(Facility::id).collect(Collectors.toSet());
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonArray api = new JsonArray(body("/api/v1/facilities"));
            assertThat(api.stream().map(o -> ((JsonObject) o).getString("id")).collect(Collectors.toSet())).isEqualTo(ids);
            assertThat(api.stream().filter(o -> ((JsonObject) o).getInteger("free") != null).count())
                    .as("facilities with a simulated count").isEqualTo(ids.size());
        });
        Facility target = facilities.get(0);
        JsonObject g = new JsonObject(body(String.format(java.util.Locale.ROOT, "/api/v1/guidance?from=49.3820,8.6900&to=%.5f,%.5f",
                target.lat(), target.lon())));
        assertThat(g.getJsonArray("results")).isNotEmpty();
        assertThat(ids).contains(g.getString("recommended"));
    }

    private static String body(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }
}
