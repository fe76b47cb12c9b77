package de.parkleit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.dashboard.auth.AuthSettings;
import de.parkleit.dashboard.auth.PasswordHash;
import de.parkleit.dashboard.auth.PlannerUser;
import de.parkleit.platform.testing.TestBroker;
import de.parkleit.platform.testing.TestHttp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The planner's detector list, traffic history and guidance statistics over HTTP, with a store double. */
class PlannerStatsApiTest {

    static DashboardFixture fx;
    static ShapedStore store = new ShapedStore();
    static TestHttp http;
    static String alice;
    static String otto;

    @BeforeAll
    static void up() {
        List<PlannerUser> users = List.of(
                new PlannerUser("alice", Set.of(PlannerUser.PLANNER), PasswordHash.hash("alice-pw-1".toCharArray(), 1_000)),
                new PlannerUser("otto", Set.of(PlannerUser.OPERATOR), PasswordHash.hash("otto-pw-12".toCharArray(), 1_000)));
        AuthSettings auth = new AuthSettings(users, "test-secret-0123456789-0123456789-0123456789", false, Duration.ofHours(1), false);
        fx = DashboardFixture.start(DashboardConfig.forTests(TestBroker.uniqueRoot()).withAuth(auth), List.of(),
                DashboardFixture.heidelberg(), store);
        http = new TestHttp(fx.port());
        alice = session("alice", "alice-pw-1");
        otto = session("otto", "otto-pw-12");
    }

    @AfterAll
    static void down() {
        fx.close();
    }

    private static String session(String user, String pw) {
        HttpResponse<String> r = http.send(http.request("/api/v1/auth/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", user).put("password", pw).encode())).build());
        assertThat(r.statusCode()).isEqualTo(200);
        String c = r.headers().allValues("Set-Cookie").stream().filter(x -> x.startsWith("parkleit_session=")).findFirst().orElseThrow();
        return c.substring(0, c.indexOf(';'));
    }

    private static HttpResponse<String> get(String path, String cookie, String... headers) {
        String[] all = new String[headers.length + (cookie == null ? 0 : 2)];
        System.arraycopy(headers, 0, all, 0, headers.length);
        if (cookie != null) {
            all[headers.length] = "Cookie";
            all[headers.length + 1] = cookie;
        }
        return http.get(path, all);
    }

    private static void assertProblem(HttpResponse<String> r, int status, String detailPart) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(new JsonObject(r.body()).getString("detail")).contains(detailPart);
    }

    @Test
    void listsTheTwelveDemoDetectorsToPlannersOnly() {
        assertProblem(get("/api/v1/detectors", null), 401, "log in");
        assertProblem(get("/api/v1/detectors", otto), 403, "planner");
        HttpResponse<String> r = get("/api/v1/detectors", alice);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonArray list = new JsonArray(r.body());
        assertThat(list).hasSize(12);
        JsonObject first = list.getJsonObject(0);
        assertThat(first.getString("id")).isEqualTo("hd-d01-speyerer");
        assertThat(first.getString("road")).isEqualTo("Speyerer Straße (L 600a)");
        assertThat(first.getDouble("lat")).isBetween(49.39, 49.42);
        assertThat(first.getInteger("lanes")).isEqualTo(3);
    }

    @Test
    void trafficHistoryHasBucketsOfTheAskedStepAsJsonAndCsv() {
        String q = "/api/v1/detectors/hd-d06-rohrbacher/history?from=2026-11-25T00:00:00Z&to=2026-11-26T00:00:00Z&step=1h";
        assertProblem(get(q, null), 401, "log in");
        HttpResponse<String> r = get(q, alice);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject body = new JsonObject(r.body());
        assertThat(body.getString("detector")).isEqualTo("hd-d06-rohrbacher");
        assertThat(body.getString("step")).isEqualTo("1h");
        JsonArray buckets = body.getJsonArray("buckets");
        assertThat(buckets).hasSize(24);
        JsonObject rush = buckets.getJsonObject(16);
        JsonObject night = buckets.getJsonObject(3);
        assertThat(rush.getString("start")).isEqualTo("2026-11-25T16:00:00Z");
        assertThat(rush.getLong("vehicles")).isGreaterThan(10 * night.getLong("vehicles"));
        assertThat(rush.getDouble("vehiclesPerHour")).isEqualTo((double) rush.getLong("vehicles"));
        assertThat(rush.getDouble("meanSpeedKmh")).isLessThan(night.getDouble("meanSpeedKmh"));

        HttpResponse<String> csv = get(q, alice, "Accept", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("start,vehicles,vehicles_per_hour,mean_speed_kmh,mean_occupancy_pct,samples");
        assertThat(lines).hasSize(25);
        assertThat(lines[17]).startsWith("2026-11-25T16:00:00Z," + rush.getLong("vehicles") + ",");
    }

    @Test
    void badTrafficRequestsAreProblemsThatNeverReachTheStore() {
        store.lastWindow.set(null);
        assertProblem(get("/api/v1/detectors/no-such-detector/history", alice), 404, "no detector");
        assertProblem(get("/api/v1/detectors/hd-d01-speyerer/history?step=7m", alice), 400, "step");
        assertProblem(get("/api/v1/detectors/hd-d01-speyerer/history?from=yesterday", alice), 400, "ISO-8601");
        assertProblem(get("/api/v1/detectors/hd-d01-speyerer/history?from=2026-11-26T00:00:00Z&to=2026-11-25T00:00:00Z", alice),
                400, "before");
        assertThat(store.lastWindow.get()).isNull();
    }

    @Test
    void guidanceStatisticsCountPerHourAndSpreadOverFacilities() {
        String q = "/api/v1/stats/guidance?from=2026-11-25T00:00:00Z&to=2026-11-25T04:00:00Z";
        assertProblem(get(q, null), 401, "log in");
        assertProblem(get(q, otto), 403, "planner");
        HttpResponse<String> r = get(q, alice);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject body = new JsonObject(r.body());
        // hours 0..3 UTC: (h % 4 + 1) * 3 = 3, 6, 9, 12 in total
        assertThat(body.getLong("total")).isEqualTo(30);
        assertThat(body.getJsonArray("perHour").stream().map(o -> ((JsonObject) o).getLong("count")).toList())
                .containsExactly(3L, 6L, 9L, 12L);
        JsonArray spread = body.getJsonArray("perFacility");
        assertThat(spread).hasSize(2);
        assertThat(spread.getJsonObject(0).getString("facility")).isEqualTo(ShapedStore.BUSY);
        assertThat(spread.getJsonObject(0).getString("name")).isEqualTo("P12 Kornmarkt / Schloss");
        assertThat(spread.getJsonObject(0).getLong("count")).isEqualTo(20);
        assertThat(spread.getJsonObject(0).getDouble("share")).isEqualTo(0.667);
        assertThat(spread.getJsonObject(1).getLong("count")).isEqualTo(10);
        assertThat(body.getJsonArray("counts")).hasSize(8);
    }

    @Test
    void badGuidanceStatisticsRangesAreProblems() {
        assertProblem(get("/api/v1/stats/guidance?from=2026-11-26T00:00:00Z&to=2026-11-25T00:00:00Z", alice), 400, "before");
        assertProblem(get("/api/v1/stats/guidance?from=2024-01-01T00:00:00Z&to=2026-11-25T00:00:00Z", alice), 400, "366 days");
        assertProblem(get("/api/v1/stats/guidance?to=soon", alice), 400, "ISO-8601");
    }

    @Test
    void theOpenApiDocumentDescribesTheNewRoutes() {
        assertThat(Sync.await(fx.verticle.undocumentedRoutes())).isEmpty();
        JsonObject doc = new JsonObject(get("/api/v1/openapi.json", null).body());
        assertThat(doc.getJsonObject("paths").fieldNames())
                .contains("/api/v1/detectors", "/api/v1/detectors/{id}/history", "/api/v1/stats/guidance");
    }
}
