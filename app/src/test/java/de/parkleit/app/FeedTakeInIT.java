package de.parkleit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.parkleit.feeds.FeedTakeIn;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code unknown=create} end to end: a city that knows one garage of the Heidelberg NGSI-v2 recording, a feed with
 * {@code unknown=create}; at start the node takes every other site with capacity and position in as a facility,
 * and their readings reach the API under the new ids. Expected values come from the file through a JSON tree.
 */
class FeedTakeInIT {

    static final String P = "urn:ngsiv2:OffStreetParking:";
    static FeedNode world;
    static JsonArray entities;

    @BeforeAll
    static void start() throws Exception {
        byte[] payload = FeedNode.fixture("heidelberg.json");
        entities = new JsonArray(new String(payload, StandardCharsets.UTF_8));
        String facilities = new JsonObject().put("type", "FeatureCollection").put("features", new JsonArray().add(
                new JsonObject().put("type", "Feature")
                        .put("properties", new JsonObject().put("id", "poststrasse").put("name", "P1 Poststraße")
                                .put("type", "garage").put("capacity", 528))
                        .put("geometry", new JsonObject().put("type", "Point")
                                .put("coordinates", new JsonArray().add(8.6937).add(49.4077))))).encode();
        world = FeedNode.start(facilities, payload, "/entities", new HttpServerOptions(),
                url -> "feed.hd.format=ngsi\nfeed.hd.url=" + url + "\nfeed.hd.interval=PT1S\nfeed.hd.unknown=create\n"
                        + "feed.hd.id.urn\\:ngsiv2\\:OffStreetParking\\:P01=poststrasse\n",
                Map.of("PARKLEIT_STALE_AFTER", "PT" + Duration.ofDays(20_000).toSeconds() + "S"));
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    private static Object val(JsonObject e, String attr) {
        JsonObject a = e.getJsonObject(attr);
        return a == null ? null : a.getValue("value");
    }

    @Test
    void unknownSitesWithCapacityAndPositionBecomeFacilitiesAndTheirReadingsArrive() throws Exception {
        List<JsonObject> takeable = new ArrayList<>();
        List<JsonObject> live = new ArrayList<>();
        for (Object o : entities) {
            JsonObject e = (JsonObject) o;
            Object cap = val(e, "totalSpotNumber");
            Object free = val(e, "availableSpotNumber");
            if (e.getString("id").equals(P + "P01") || val(e, "lat") == null || !(cap instanceof Number n) || n.intValue() <= 0) {
                continue;
            }
            takeable.add(e);
            if (free instanceof Number f && f.intValue() >= 0 && f.intValue() <= ((Number) cap).intValue()) {
                live.add(e);
            }
        }
        assertThat(takeable).hasSizeGreaterThan(15);
        assertThat(live).hasSizeGreaterThan(10);

        Map<String, JsonObject> api = world.facilities();
        assertThat(api).containsKey("poststrasse");
        assertThat(api).hasSize(1 + takeable.size());
        for (JsonObject e : takeable) {
            JsonObject f = api.get(FeedTakeIn.facilityId("hd", e.getString("id")));
            assertThat(f).as(e.getString("id")).isNotNull();
            assertThat(f.getString("name")).isEqualTo(val(e, "name"));
            assertThat(f.getInteger("capacity")).isEqualTo(((Number) val(e, "totalSpotNumber")).intValue());
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, JsonObject> now = world.facilities();
            for (JsonObject e : live) {
                JsonObject f = now.get(FeedTakeIn.facilityId("hd", e.getString("id")));
                assertThat(f.getInteger("free")).as(f.encode()).isEqualTo(((Number) val(e, "availableSpotNumber")).intValue());
            }
            assertThat(now.get("poststrasse").getInteger("free")).isEqualTo(143);
        });
        // sites without a position (P02, P23, P24 in the recording) could not be taken in: still unknown
        assertThat(world.feedHealth("hd").getJsonObject("rejects").getMap()).containsKey("unknown_id");
    }
}
