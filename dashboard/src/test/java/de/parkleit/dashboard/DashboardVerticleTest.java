package de.parkleit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.QualityFlag;
import de.parkleit.core.state.Trend;
import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.metrics.Health;
import de.parkleit.platform.mqtt.MqttSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DashboardVerticleTest {

    static DashboardFixture fx;
    static WebClient web;

    @BeforeAll
    static void up() {
        fx = DashboardFixture.start();
        web = WebClient.create(fx.vertx);
    }

    @AfterAll
    static void down() {
        web.close();
        fx.close();
    }

    private HttpResponse<Buffer> get(String path) {
        return Sync.await(web.get(fx.port(), "127.0.0.1", path).send());
    }

    @Test
    void listsEveryFacilityOfTheCityWithTheContractFields() {
        HttpResponse<Buffer> r = get("/api/v1/facilities");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.getHeader("Content-Type")).startsWith("application/json");
        JsonArray a = r.bodyAsJsonArray();
        assertThat(a).hasSize(20);
        JsonObject first = a.getJsonObject(0);
        assertThat(first.fieldNames()).contains("id", "name", "lat", "lon", "capacity", "free", "status", "updatedAt",
                "trend", "flags", "type", "address");
        assertThat(first.getInteger("capacity")).isPositive();
    }

    @Test
    void unknownFacilityIsAProblem404() {
        HttpResponse<Buffer> r = get("/api/v1/facilities/nosuchgarage");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/problem+json");
        JsonObject p = r.bodyAsJsonObject();
        assertThat(p.getInteger("status")).isEqualTo(404);
        assertThat(p.getString("type")).endsWith("/not-found");
        assertThat(p.getString("detail")).contains("nosuchgarage");
    }

    @Test
    void malformedIdIsAProblem400AndUnknownApiPathA404Problem() {
        assertThat(get("/api/v1/facilities/bad%20id%3B").statusCode()).isEqualTo(400);
        HttpResponse<Buffer> r = get("/api/v1/nothing-here");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void stateMessageShowsInTheApi() {
        String id = fx.city.facilities().get(1).id();
        Instant ts = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        fx.publishState(new FacilityState(id, 17, 121, FacilityStatus.OPEN, Trend.FILLING, ts, Set.of()));
        await().atMost(5, TimeUnit.SECONDS).until(() -> Integer.valueOf(17).equals(get("/api/v1/facilities/" + id).bodyAsJsonObject().getInteger("free")));
        JsonObject f = get("/api/v1/facilities/" + id).bodyAsJsonObject();
        assertThat(f.getString("status")).isEqualTo("open");
        assertThat(f.getString("trend")).isEqualTo("filling");
        assertThat(f.getString("updatedAt")).isEqualTo(ts.toString());
    }

    @Test
    void olderStateDoesNotOverwriteNewerAndBadPayloadsAreIgnored() {
        String id = fx.city.facilities().get(2).id();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        fx.publishState(new FacilityState(id, 40, 100, FacilityStatus.OPEN, Trend.STEADY, now, Set.of()));
        await().atMost(5, TimeUnit.SECONDS).until(() -> Integer.valueOf(40).equals(get("/api/v1/facilities/" + id).bodyAsJsonObject().getInteger("free")));
        fx.publishRaw(fx.topics.facilityState(id), "{not json".getBytes(StandardCharsets.UTF_8));
        fx.publishRaw(fx.topics.facilityState(id), "{\"id\":\"other\",\"free\":1,\"capacity\":5}".getBytes(StandardCharsets.UTF_8));
        fx.publishState(new FacilityState(id, 1, 100, FacilityStatus.OPEN, Trend.STEADY, now.minusSeconds(600), Set.of()));
        fx.publishState(new FacilityState(id, null, 100, FacilityStatus.UNKNOWN, Trend.UNKNOWN, now, Set.of(QualityFlag.STALE)));
        await().atMost(5, TimeUnit.SECONDS).until(() -> get("/api/v1/facilities/" + id).bodyAsJsonObject().getJsonArray("flags").contains("stale"));
        JsonObject f = get("/api/v1/facilities/" + id).bodyAsJsonObject();
        assertThat(f.getValue("free")).isNull();
        String metrics = get("/metrics").bodyAsString();
        assertThat(metrics).contains("result=\"bad_payload\"").contains("result=\"id_mismatch\"").contains("result=\"out_of_order\"");
    }

    @Test
    void pushesStateChangesOverServerSentEvents() {
        String id = fx.city.facilities().get(3).id();
        StringBuilder received = new StringBuilder();
        HttpClient client = fx.vertx.createHttpClient();
        // the body handler is set on the event loop as the response arrives, so no chunk is missed
        HttpClientResponse resp = Sync.await(client.request(HttpMethod.GET, fx.port(), "127.0.0.1", "/api/v1/live")
                .compose(req -> req.send().map(r -> r.handler(b -> {
                    synchronized (received) {
                        received.append(b.toString(StandardCharsets.UTF_8));
                    }
                }))));
        assertThat(resp.getHeader("Content-Type")).startsWith("text/event-stream");
        await().atMost(5, TimeUnit.SECONDS).until(() -> text(received).contains("event: snapshot"));
        fx.publishState(new FacilityState(id, 77, 300, FacilityStatus.OPEN, Trend.EMPTYING, Instant.now(), Set.of()));
        await().atMost(2, TimeUnit.SECONDS).until(() -> text(received).contains("event: state\ndata: {\"id\":\"" + id + "\""));
        String frame = text(received).substring(text(received).indexOf("event: state"));
        JsonObject pushed = new JsonObject(frame.substring(frame.indexOf("data: ") + 6, frame.indexOf("\n\n")));
        assertThat(pushed.getInteger("free")).isEqualTo(77);
        assertThat(pushed.getString("name")).isEqualTo(fx.city.facilities().get(3).name());
        client.close();
    }

    private static String text(StringBuilder sb) {
        synchronized (sb) {
            return sb.toString();
        }
    }

    @Test
    void servesTheMapWithAStrictContentSecurityPolicy() {
        HttpResponse<Buffer> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.bodyAsString()).contains("vendor/leaflet/leaflet.js").doesNotContain("onclick").doesNotContain("<script>");
        String csp = r.getHeader("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").contains("frame-ancestors 'none'");
        assertThat(r.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(get("/vendor/leaflet/leaflet.js").statusCode()).isEqualTo(200);
        assertThat(get("/vendor/uplot/uPlot.iife.min.js").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/map/config").bodyAsJsonObject().getString("city")).isEqualTo("Heidelberg");
    }

    @Test
    void servesHealthAndMetrics() {
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        await().atMost(5, TimeUnit.SECONDS).until(() -> get("/health/ready").statusCode() == 200);
        assertThat(get("/metrics").bodyAsString()).contains("parkleit_dashboard_live_clients");
    }

    @Test
    void portInUseFailsStartNamingTheVariable() throws Exception {
        try (java.net.ServerSocket blocker = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertPortInUseFails(blocker.getLocalPort());
        }
    }

    private void assertPortInUseFails(int port) {
        DashboardConfig taken = new DashboardConfig("127.0.0.1", port, fx.topics.root(), null, "", List.of(), 10);
        DashboardVerticle second = new DashboardVerticle(taken, new MqttSettings(fx.broker.url(), "x", true, null, null),
                fx.city, List.of(), new Health(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        assertThatThrownBy(() -> Sync.await(fx.vertx.deployVerticle(second)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("PARKLEIT_HTTP_PORT")
                .hasMessageContaining(String.valueOf(port));
    }
}
