package de.parkleit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.parkleit.dashboard.opendata.datex2.Datex2Schemas;
import de.parkleit.feeds.FeedSite;
import de.parkleit.feeds.datex2.Datex2Parser;
import de.parkleit.platform.testing.TestHttp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code parkleit demo} (Heidelberg, simulated gateways, guidance with its forecast): every DATEX II export fetched
 * over HTTP is valid against its official schema, the v3.6 status carries forecast records from guidance's
 * forecaster (wired through core's {@code FreeSpaceOutlook}), and the v2.3 status read back by the DATEX II feed
 * adapter gives the free counts of the public API.
 */
class DemoDatexExportIT {

    static Node node;
    static TestHttp http;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = NodeFixture.env(null, "parkleit/v1");
        env.put("PARKLEIT_SIM_INTERVAL", "1s");
        env.put("PARKLEIT_SIM_BACKFILL_DAYS", "0");
        node = NodeFixture.start(env, Mode.DEMO);
        http = new TestHttp(node.httpPort());
        await().atMost(Duration.ofSeconds(60)).until(() -> withCounts() == node.city().facilities().size());
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static long withCounts() {
        JsonArray a = new JsonArray(http.get("/api/v1/facilities").body());
        return a.stream().filter(o -> ((JsonObject) o).getInteger("free") != null).count();
    }

    private static String fetch(String path) {
        HttpResponse<String> r = http.get("/api/v1/opendata/" + path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/xml"));
        return r.body();
    }

    @Test
    void everyDatexExportIsValidAgainstItsSchema() {
        assertThat(Datex2Schemas.V2_3.errors(fetch("datex2/v2.3/table.xml"))).isEmpty();
        assertThat(Datex2Schemas.V2_3.errors(fetch("datex2/v2.3/status.xml"))).isEmpty();
        assertThat(Datex2Schemas.V3_6.errors(fetch("datex2/v3.6/table.xml"))).isEmpty();
        assertThat(Datex2Schemas.V3_6.errors(fetch("datex2/v3.6/status.xml"))).isEmpty();
        assertThat(Datex2Schemas.V3_6.errors(fetch("datex2.xml"))).isEmpty();
    }

    @Test
    void theV36StatusCarriesForecastsForEveryHorizon() {
        // guidance reads the same retained states as the dashboard, maybe a moment later
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String xml = fetch("datex2/v3.6/status.xml");
            assertThat(count(xml, "<prk:statusTime>")).as("three horizons for each facility with current data")
                    .isEqualTo(3 * count(xml, "<prk:numberOfVacantSpaces>")).isPositive();
            assertThat(xml).contains("xsi:type=\"prk:ValidityByTime\"", "<prk:probability><com:percentage>");
        });
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void theV23StatusReadBackMatchesThePublicApi() throws Exception {
        Map<String, Integer> api = new HashMap<>();
        Map<String, Integer> feed = new HashMap<>();
        // the simulator keeps publishing: take both answers until they come from the same moment
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            api.clear();
            feed.clear();
            for (Object o : new JsonArray(http.get("/api/v1/facilities").body())) {
                JsonObject f = (JsonObject) o;
                api.put(f.getString("id"), f.getInteger("free"));
            }
            for (FeedSite s : new Datex2Parser().parse(fetch("datex2/v2.3/status.xml")).sites()) {
                feed.put(s.sourceId(), s.free());
            }
            assertThat(feed).isEqualTo(api);
        });
    }
}
