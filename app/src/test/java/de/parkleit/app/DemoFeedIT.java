package de.parkleit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import de.parkleit.platform.config.Env;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code demo --feed}: the demo city is read through the NGSI-v2 adapter from the recording in
 * {@code cities/heidelberg/recording/}, served on a local port, instead of the simulated gateways.
 * Every mapped site of the recording shows its recorded free count, all moved by the same offset to
 * the current minute; no simulator runs (banner, and no other facility gets a reading).
 */
class DemoFeedIT {

    static Node node;
    static final Path REC = NodeFixture.HOME.resolve("cities/heidelberg/recording");

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = NodeFixture.env(null, "parkleit/v1");
        Env e = new Env(env);
        node = Node.start(AppConfig.fromEnv(e, NodeFixture.HOME), e, Mode.DEMO, true);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void theDemoCityShowsTheRecordingsCountsMovedToNowAndNoSimulatorRuns() throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(REC.resolve("feeds.properties"))));
        Map<String, String> mapping = new HashMap<>();
        String pre = "feed.heidelberg.id.";
        p.stringPropertyNames().stream().filter(k -> k.startsWith(pre)).forEach(k -> mapping.put(k.substring(pre.length()), p.getProperty(k)));
        Map<String, int[]> expected = new HashMap<>();
        Map<String, Instant> recordedAt = new HashMap<>();
        for (Object o : new JsonArray(Files.readString(REC.resolve("heidelberg-ngsi.json")))) {
            JsonObject x = (JsonObject) o;
            String id = mapping.get(x.getString("id"));
            JsonObject free = x.getJsonObject("availableSpotNumber");
            if (id != null && free != null && free.getValue("value") instanceof Number n && n.intValue() >= 0) {
                expected.put(id, new int[] {n.intValue()});
                recordedAt.put(id, Instant.parse(x.getJsonObject("observationDateTime").getString("value")));
            }
        }
        assertThat(expected).hasSizeGreaterThan(15);
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/api/v1/facilities"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Set<Duration> offsets = new HashSet<>();
            for (Object o : new JsonArray(r.body())) {
                JsonObject f = (JsonObject) o;
                String id = f.getString("id");
                if (!expected.containsKey(id)) {
                    assertThat(f.getString("updatedAt")).as("no simulated gateway for " + id).isNull();
                    continue;
                }
                assertThat(f.getInteger("free")).as(id).isEqualTo(Math.min(expected.get(id)[0], f.getInteger("capacity")));
                Instant shown = Instant.parse(f.getString("updatedAt"));
                assertThat(shown).as(id).isBetween(Instant.now().minusSeconds(180), Instant.now().plusSeconds(60));
                offsets.add(Duration.between(recordedAt.get(id), shown));
            }
            assertThat(offsets).as("one offset for the whole recording").hasSize(1);
        });
        List<String> banner = Runner.banner(node, Mode.DEMO, "parkleit/v1");
        assertThat(banner).anySatisfy(l -> assertThat(l).contains("Feed (a recording)").contains("2024-06-08T13:25:00Z"));
        assertThat(banner).noneSatisfy(l -> assertThat(l).contains("Simulator:"));
    }
}
