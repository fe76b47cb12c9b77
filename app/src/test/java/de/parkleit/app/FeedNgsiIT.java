package de.parkleit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * NGSI-v2 through a node: a local HTTP server serves the real Heidelberg recording, the node's feed
 * adapter (city folder {@code feeds.properties}) polls it, and every site reaches the HTTP API and the
 * store with the values in the file; the sites the file itself gets wrong are rejected by reason.
 * Then the node's (simulation) clock passes the stale limit while the source keeps answering 304:
 * nothing is re-sent and every feed facility turns stale through ingest's normal path.
 * Expected values are read from the file here with a JSON tree, not from the adapter.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedNgsiIT {

    record Site(String sourceId, Integer free, Integer total, Instant ts) {
    }

    static FeedNode world;
    static Map<String, Site> sites = new LinkedHashMap<>();
    static Map<String, String> mapping = new HashMap<>();
    static Map<String, Integer> cityCapacity = new HashMap<>();
    static Instant newest;
    static Duration staleAfter;

    @BeforeAll
    static void start() throws Exception {
        byte[] payload = FeedNode.fixture("heidelberg.json");
        for (Object o : new JsonArray(new String(payload, StandardCharsets.UTF_8))) {
            JsonObject e = (JsonObject) o;
            Site s = new Site(e.getString("id"), number(e, "availableSpotNumber"), number(e, "totalSpotNumber"),
                    Instant.parse(e.getJsonObject("observationDateTime").getString("value")));
            sites.put(s.sourceId(), s);
            newest = newest == null || s.ts().isAfter(newest) ? s.ts() : newest;
        }
        Properties p = new Properties();
        p.load(new StringReader(new String(FeedNode.fixture("heidelberg-feeds.properties"), StandardCharsets.UTF_8)));
        String pre = "feed.heidelberg.id.";
        p.stringPropertyNames().stream().filter(k -> k.startsWith(pre)).forEach(k -> mapping.put(k.substring(pre.length()), p.getProperty(k)));
        String facilities = Files.readString(NodeFixture.HOME.resolve("cities/heidelberg/facilities.geojson"));
        for (Object o : new JsonObject(facilities).getJsonArray("features")) {
            JsonObject props = ((JsonObject) o).getJsonObject("properties");
            cityCapacity.put(props.getString("id"), props.getInteger("capacity"));
        }
        // the recording is from 2024: the stale limit is set so that it is live now and stale an hour later
        staleAfter = Duration.between(newest, Instant.now()).plusMinutes(30).withNanos(0);
        String feeds = mapping.entrySet().stream().map(m -> pre + m.getKey().replace(":", "\\:") + "=" + m.getValue())
                .collect(Collectors.joining("\n"));
        world = FeedNode.start(facilities, payload, "/entities", new HttpServerOptions(),
                url -> "feed.heidelberg.format=ngsi\nfeed.heidelberg.url=" + url + "?type=OffStreetParking\n"
                        + "feed.heidelberg.interval=PT1S\n" + feeds + "\n",
                Map.of("PARKLEIT_CLOCK", "simulation", "PARKLEIT_STALE_AFTER", "PT" + staleAfter.toSeconds() + "S"));
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    private static Integer number(JsonObject e, String attr) {
        JsonObject a = e.getJsonObject(attr);
        Object v = a == null ? null : a.getValue("value");
        return v instanceof Number n ? n.intValue() : v instanceof String s && !s.isBlank() ? Integer.valueOf(s.trim()) : null;
    }

    /** The reason a site is rejected for, or null: the documented checks, in their order (docs/feeds.md). */
    private static String reject(Site s) {
        if (s.free() == null) {
            return "missing_field";
        }
        if (s.free() < 0 || (s.total() != null && s.total() < 0)) {
            return "negative";
        }
        if (s.total() != null && s.free() > s.total()) {
            return "free_above_capacity";
        }
        return mapping.containsKey(s.sourceId()) ? null : "unknown_id";
    }

    @Test
    @Order(1)
    void everySiteOfTheRecordingReachesTheApiAndTheStoreWithTheValuesInTheFile() throws Exception {
        Map<String, Site> accepted = sites.values().stream().filter(s -> reject(s) == null)
                .collect(Collectors.toMap(Site::sourceId, s -> s));
        assertThat(accepted).hasSizeGreaterThan(15);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, JsonObject> api = world.facilities();
            for (Site s : accepted.values()) {
                String id = mapping.get(s.sourceId());
                JsonObject f = api.get(id);
                assertThat(f.getString("updatedAt")).as(id).isEqualTo(s.ts().toString());
                assertThat(f.getInteger("free")).as(id).isEqualTo(Math.min(s.free(), cityCapacity.get(id)));
            }
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (Site s : accepted.values()) {
                String id = mapping.get(s.sourceId());
                assertThat(world.node.store().countOccupancy(id, s.ts(), s.ts().plusMillis(1))).as(id).isEqualTo(1);
                assertThat(world.node.store().occupancyHistory(id, s.ts().minusSeconds(60), s.ts().plusSeconds(60), Duration.ofMinutes(2)))
                        .as(id).anySatisfy(b -> assertThat(b.minFree()).isEqualTo(s.free()));
            }
        });
        Map<String, Long> expectedRejects = new TreeMap<>(sites.values().stream().filter(s -> reject(s) != null)
                .collect(Collectors.groupingBy(FeedNgsiIT::reject, Collectors.counting())));
        assertThat(expectedRejects).containsKeys("missing_field", "negative", "unknown_id");
        JsonObject health = world.feedHealth("heidelberg");
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getLong("sites")).isEqualTo(sites.size());
        assertThat(health.getLong("readings")).isEqualTo(accepted.size());
        assertThat(health.getJsonObject("rejects").getMap()).isEqualTo(new HashMap<>(expectedRejects.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (Object) e.getValue().intValue()))));
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + world.node.httpPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("parkleit_feed_readings_total{source=\"heidelberg\"} " + accepted.size() + ".0")
                .contains("parkleit_feed_rejects_total{reason=\"unknown_id\",source=\"heidelberg\"} " + expectedRejects.get("unknown_id") + ".0");
    }

    @Test
    @Order(2)
    void anUnchangedFeedIsNotResentAndTurnsStaleAfterTheStaleLimit() throws Exception {
        String someId = mapping.get(sites.values().stream().filter(s -> reject(s) == null).findFirst().orElseThrow().sourceId());
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> world.get("/api/v1/facilities/" + someId).getInteger("free") != null);
        long readings = world.feedHealth("heidelberg").getLong("readings");
        int before = world.notModified.get();
        Instant later = Instant.now().plus(Duration.ofHours(1));
        HttpResponse<String> moved = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + world.node.httpPort() + "/api/v1/sim/clock"))
                .PUT(HttpRequest.BodyPublishers.ofString(new JsonObject().put("now", later.toString()).encode()))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, JsonObject> api = world.facilities();
            for (Site s : sites.values()) {
                if (reject(s) == null) {
                    JsonObject f = api.get(mapping.get(s.sourceId()));
                    assertThat(f.getString("level")).as(f.encode()).isEqualTo("stale");
                    assertThat(f.getInteger("free")).isNull();
                    assertThat(f.getJsonArray("flags").getList()).contains("stale");
                }
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> world.notModified.get() >= before + 2);
        assertThat(world.feedHealth("heidelberg").getLong("readings")).as("nothing re-sent").isEqualTo(readings);
    }
}
