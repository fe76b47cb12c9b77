package de.parkleit.guidance.service;

import de.parkleit.core.guidance.Issued;
import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.Trend;
import de.parkleit.platform.http.Problems;
import de.parkleit.platform.testing.TestHttp;
import de.parkleit.guidance.CrowFlyWalk;
import de.parkleit.guidance.GuidanceConfig;
import de.parkleit.guidance.GuidancePlanner;
import de.parkleit.guidance.IssuedLedger;
import de.parkleit.guidance.LiveFacilities;
import de.parkleit.guidance.NetworkDriveRouter;
import de.parkleit.guidance.SearchTimeCurve;
import de.parkleit.guidance.TrendForecast;
import de.parkleit.routing.network.TestNetworks;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GuidanceHandlerTest {

    private static final String WEST = "49.4058,8.6610";
    private static final String BISMARCKPLATZ = "49.40925,8.69325";
    private static Vertx vertx;
    private static HttpServer server;
    private static TestHttp client;
    private static LiveFacilities live;
    private static final List<Issued> issued = new CopyOnWriteArrayList<>();
    private static final List<Facility> facilities = TestNetworks.heidelbergFacilities();

    record Reply(int status, String contentType, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }
    }

    @BeforeAll
    static void start() {
        GuidanceConfig cfg = GuidanceConfig.defaults("test/parkleit/v1", "t1");
        live = new LiveFacilities(facilities, cfg.staleAfter());
        GuidancePlanner planner = new GuidancePlanner(cfg, live, new TrendForecast(),
                new NetworkDriveRouter(TestNetworks.heidelbergCar(), facilities), new CrowFlyWalk(1.3, 4.8), new IssuedLedger(),
                SearchTimeCurve.DEFAULT, Clock.systemUTC());
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        Problems.install(router);
        new GuidanceHandler(vertx.createSharedWorkerExecutor("guidance-test", 2), planner, issued::add,
                new SimpleMeterRegistry()).mount(router);
        server = vertx.createHttpServer().requestHandler(router).listen(0).await();
        client = new TestHttp(server.actualPort());
    }

    @BeforeEach
    void openEverything() {
        Instant now = Instant.now();
        for (Facility f : facilities) {
            live.apply(new FacilityState(f.id(), f.capacity() / 2, f.capacity(), FacilityStatus.OPEN, Trend.STEADY, now, Set.of()));
        }
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    private static Reply get(String uri) {
        var resp = client.get(uri);
        return new Reply(resp.statusCode(), resp.headers().firstValue("Content-Type").orElse(null), resp.body());
    }

    private static void assertProblem(Reply r, int status, String type, String detailPart) {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        JsonObject p = r.json();
        assertThat(p.getString("type")).isEqualTo(Problems.TYPE_BASE + type);
        assertThat(p.getInteger("status")).isEqualTo(status);
        assertThat(p.getString("detail")).contains(detailPart);
        assertThat(p.getString("instance")).isEqualTo(GuidanceHandler.PATH);
    }

    @Test
    void answersRankedFacilitiesWithRoutesAsGeoJson() {
        int before = issued.size();
        Reply r = get(GuidanceHandler.PATH + "?from=" + WEST + "&to=" + BISMARCKPLATZ);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json");
        JsonObject body = r.json();
        JsonArray results = body.getJsonArray("results");
        assertThat(results.size()).isEqualTo(5);
        JsonObject first = results.getJsonObject(0);
        assertThat(body.getString("recommended")).isEqualTo(first.getJsonObject("facility").getString("id"));
        assertThat(first.getInteger("rank")).isEqualTo(1);
        assertThat(first.getDouble("driveSeconds")).isPositive();
        assertThat(first.getDouble("walkSeconds")).isPositive();
        assertThat(first.getInteger("predictedFree")).isPositive();
        assertThat(first.getDouble("probabilityFree")).isBetween(0.9, 1.0);
        assertThat(first.getDouble("score")).isLessThanOrEqualTo(results.getJsonObject(1).getDouble("score"));
        JsonArray features = first.getJsonObject("route").getJsonArray("features");
        assertThat(features.size()).isEqualTo(2);
        JsonObject drive = features.getJsonObject(0);
        assertThat(drive.getJsonObject("properties").getString("leg")).isEqualTo("drive");
        assertThat(drive.getJsonObject("geometry").getString("type")).isEqualTo("LineString");
        assertThat(drive.getJsonObject("geometry").getJsonArray("coordinates").size()).isGreaterThan(5);
        JsonObject walk = features.getJsonObject(1);
        assertThat(walk.getJsonObject("properties").getString("approximation")).isEqualTo("crow-fly");
        assertThat(walk.getJsonObject("geometry").getJsonArray("coordinates").getJsonArray(1).getDouble(0)).isEqualTo(8.69325);
        assertThat(issued).hasSize(before + 1);
        assertThat(issued.get(issued.size() - 1).requestId()).isEqualTo(body.getString("requestId"));
    }

    @Test
    void aFacilityWithoutDataShowsNullNotANumber() {
        Instant now = Instant.now();
        for (Facility f : facilities) {
            live.apply(new FacilityState(f.id(), null, f.capacity(), FacilityStatus.UNKNOWN, Trend.UNKNOWN, now, Set.of()));
        }
        Reply r = get(GuidanceHandler.PATH + "?from=" + WEST + "&to=" + BISMARCKPLATZ);
        assertThat(r.status()).isEqualTo(200);
        JsonObject first = r.json().getJsonArray("results").getJsonObject(0);
        assertThat(first.getValue("predictedFree")).isNull();
        assertThat(first.getString("availability")).isEqualTo("unknown");
        assertThat(first.getDouble("probabilityFree")).isEqualTo(0.2);
    }

    @Test
    void badParametersAreProblemJson() {
        assertProblem(get(GuidanceHandler.PATH + "?to=" + BISMARCKPLATZ), 400, "invalid-parameter", "'from' is required");
        assertProblem(get(GuidanceHandler.PATH + "?from=" + WEST + "&to=49.4,abc"), 400, "invalid-parameter", "'to' must be lat,lon");
        assertProblem(get(GuidanceHandler.PATH + "?from=91,8&to=" + BISMARCKPLATZ), 400, "invalid-parameter", "-90 <= lat <= 90");
        assertProblem(get(GuidanceHandler.PATH + "?from=" + WEST + "&to=" + BISMARCKPLATZ + "&arrive=tomorrow"), 400,
                "invalid-parameter", "ISO-8601");
        assertProblem(get(GuidanceHandler.PATH + "?from=" + WEST + "&to=" + BISMARCKPLATZ + "&arrive=2020-01-01T10:00:00Z"), 400,
                "invalid-parameter", "must not be in the past");
    }

    @Test
    void anOriginOffTheRoadsOrNothingNearTheDestinationIs422() {
        assertProblem(get(GuidanceHandler.PATH + "?from=49.30,8.50&to=" + BISMARCKPLATZ), 422, "outside-network", "from");
        assertProblem(get(GuidanceHandler.PATH + "?from=" + WEST + "&to=49.398,8.660"), 422, "no-facility", "within 1000 m");
        Instant now = Instant.now();
        for (Facility f : facilities) {
            live.apply(new FacilityState(f.id(), 100, f.capacity(), FacilityStatus.CLOSED, Trend.STEADY, now, Set.of()));
        }
        assertProblem(get(GuidanceHandler.PATH + "?from=" + WEST + "&to=" + BISMARCKPLATZ), 422, "no-facility", "no open facility");
    }
}
