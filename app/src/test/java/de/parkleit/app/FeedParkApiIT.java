package de.parkleit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ParkAPI v3 through a node: a local HTTP server answers {@code /api/public/v3/parking-sites} with the
 * fixture, the node's feed maps {@code original_uid} to facility ids, and every realtime site reaches
 * the API and the store with the values in the file; the static-only site (no free count) is rejected
 * as {@code missing_field}. Expected values come from the file through a JSON tree.
 */
class FeedParkApiIT {

    static FeedNode world;
    static JsonArray items;

    @BeforeAll
    static void start() throws Exception {
        byte[] payload = FeedNode.fixture("parkapi-v3-parking-sites.json");
        items = new JsonObject(new String(payload, StandardCharsets.UTF_8)).getJsonArray("items");
        JsonArray features = new JsonArray();
        for (Object o : items) {
            JsonObject e = (JsonObject) o;
            features.add(new JsonObject().put("type", "Feature")
                    .put("properties", new JsonObject().put("id", facility(e)).put("name", e.getString("name"))
                            .put("type", "garage").put("capacity", e.getInteger("capacity")))
                    .put("geometry", new JsonObject().put("type", "Point").put("coordinates",
                            new JsonArray().add(Double.valueOf(e.getString("lon"))).add(Double.valueOf(e.getString("lat"))))));
        }
        StringBuilder ids = new StringBuilder();
        items.forEach(o -> ids.append("feed.mobidata.id.").append(((JsonObject) o).getString("original_uid"))
                .append('=').append(facility((JsonObject) o)).append('\n'));
        world = FeedNode.start(new JsonObject().put("type", "FeatureCollection").put("features", features).encode(),
                payload, "/api/public/v3/parking-sites", new HttpServerOptions(),
                url -> "feed.mobidata.format=parkapi3\nfeed.mobidata.url=" + url + "?source_uid=aachen\n"
                        + "feed.mobidata.interval=PT1S\n" + ids,
                Map.of("PARKLEIT_STALE_AFTER", "PT" + Duration.ofDays(20_000).toSeconds() + "S"));
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    private static String facility(JsonObject item) {
        return "aachen" + item.getString("original_uid").toLowerCase(Locale.ROOT);
    }

    @Test
    void everyRealtimeSiteReachesTheApiAndTheStoreWithTheValuesInTheFile() throws Exception {
        long realtime = items.stream().filter(o -> ((JsonObject) o).containsKey("realtime_free_capacity")).count();
        assertThat(realtime).isEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, JsonObject> api = world.facilities();
            for (Object o : items) {
                JsonObject e = (JsonObject) o;
                if (!e.containsKey("realtime_free_capacity")) {
                    continue;
                }
                JsonObject f = api.get(facility(e));
                Instant ts = OffsetDateTime.parse(e.getString("realtime_data_updated_at")).toInstant();
                assertThat(f.getString("updatedAt")).as(f.encode()).isEqualTo(ts.toString());
                assertThat(f.getInteger("free")).isEqualTo(Math.min(e.getInteger("realtime_free_capacity"), e.getInteger("capacity")));
                assertThat(f.getString("status")).isEqualTo(e.getString("realtime_opening_status").toLowerCase(Locale.ROOT));
                assertThat(world.node.store().countOccupancy(facility(e), ts, ts.plusMillis(1))).isEqualTo(1);
            }
        });
        for (Object o : items) {
            JsonObject e = (JsonObject) o;
            if (!e.containsKey("realtime_free_capacity")) {
                assertThat(world.facilities().get(facility(e)).getString("updatedAt")).as("static-only site").isNull();
            }
        }
        JsonObject health = world.feedHealth("mobidata");
        assertThat(health.getLong("sites")).isEqualTo(items.size());
        assertThat(health.getLong("readings")).isEqualTo(realtime);
        assertThat(health.getJsonObject("rejects").getMap()).isEqualTo(Map.of("missing_field", (int) (items.size() - realtime)));
    }
}
