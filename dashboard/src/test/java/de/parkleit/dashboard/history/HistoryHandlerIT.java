package de.parkleit.dashboard.history;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.platform.http.Problems;
import de.parkleit.platform.store.StoreOptions;
import de.parkleit.platform.store.TimeSeriesStore;
import de.parkleit.platform.store.questdb.EmbeddedQuestDb;
import de.parkleit.platform.store.questdb.QuestDbStore;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryHandlerIT {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    static TimeSeriesStore store;
    static EmbeddedQuestDb downDb;
    static TimeSeriesStore downStore;
    static Vertx vertx;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        store = QuestDbStore.openOwning(EmbeddedQuestDb.start(dir.resolve("up"), 0), StoreOptions.defaults());
        downDb = EmbeddedQuestDb.start(dir.resolve("down"), 0);
        downStore = QuestDbStore.open(downDb.httpUrl(), StoreOptions.defaults());
        downDb.close();
        List<Reading> r = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            r.add(new OccupancyReading("P1", T0.plus(Duration.ofMinutes(i)), i, 500, null));
        }
        store.write(r);
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new HistoryHandler(store, Set.of("P1", "P2")).mount(router);
        Router down = Router.router(vertx);
        new HistoryHandler(downStore, Set.of("P1")).mount(down);
        router.route("/down/*").subRouter(down);
        Problems.install(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + server.actualPort();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        for (AutoCloseable c : new AutoCloseable[] {store, downStore, downDb}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private static HttpResponse<String> get(String pathAndQuery, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(20));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String range(String step) {
        return "?from=" + T0 + "&to=" + T0.plus(Duration.ofHours(2)) + "&step=" + step;
    }

    @Test
    void answersJsonBucketsByDefault() throws Exception {
        HttpResponse<String> r = get("/api/v1/facilities/P1/history" + range("1h"), null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonObject body = new JsonObject(r.body());
        assertThat(body.getString("facility")).isEqualTo("P1");
        assertThat(body.getString("step")).isEqualTo("1h");
        assertThat(body.getJsonArray("buckets")).hasSize(2);
        JsonObject second = body.getJsonArray("buckets").getJsonObject(1);
        assertThat(second.getString("start")).isEqualTo(T0.plus(Duration.ofHours(1)).toString());
        assertThat(second.getDouble("meanFree")).isEqualTo(89.5);
        assertThat(second.getInteger("minFree")).isEqualTo(60);
        assertThat(second.getInteger("maxFree")).isEqualTo(119);
        assertThat(second.getLong("samples")).isEqualTo(60);
    }

    @Test
    void answersCsvWhenAskedFor() throws Exception {
        HttpResponse<String> r = get("/api/v1/facilities/P1/history" + range("30m"), "text/csv");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        String[] lines = r.body().split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).isEqualTo("start,mean_free,min_free,max_free,samples");
        assertThat(lines[1]).isEqualTo(T0 + ",14.500,0,29,30");
    }

    @Test
    void answersAnEmptyListForAKnownFacilityWithoutData() throws Exception {
        HttpResponse<String> r = get("/api/v1/facilities/P2/history" + range("5m"), "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(r.body()).getJsonArray("buckets")).isEmpty();
    }

    @Test
    void unknownAndHostileFacilityIdsAre404Problems() throws Exception {
        for (String id : List.of("P3", "P1'%20OR%20'1'='1", "%24%7Bx%7D", "P1%22%29%20%7C%3E%20drop%28%29")) {
            HttpResponse<String> r = get("/api/v1/facilities/" + id + "/history", null);
            assertThat(r.statusCode()).as(id).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void badParametersAre400ProblemsNamingTheParameter() throws Exception {
        String p = "/api/v1/facilities/P1/history";
        assertProblem(get(p + "?step=7m", null), "step");
        assertProblem(get(p + "?step=5m'%20OR%201=1", null), "step");
        assertProblem(get(p + "?from=yesterday", null), "from");
        assertProblem(get(p + "?to=2026-13-01T00:00:00Z", null), "to");
        assertProblem(get(p + "?from=" + T0 + "&to=" + T0, null), "from");
        assertProblem(get(p + "?from=" + T0.minus(Duration.ofDays(900)) + "&to=" + T0 + "&step=1d", null), "from");
        assertProblem(get(p + "?from=" + T0.minus(Duration.ofDays(60)) + "&to=" + T0 + "&step=1m", null), "step");
        assertProblem(get(p + "?step=5m&step=1h", null), "step");
        assertProblem(get(p + "?from=" + "9".repeat(100), null), "from");
    }

    private static void assertProblem(HttpResponse<String> r, String param) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = new JsonObject(r.body());
        assertThat(problem.getString("type")).endsWith("/invalid-parameter");
        assertThat(problem.getString("title")).contains("'" + param + "'");
    }

    @Test
    void anUnreachableStoreIsA503Problem() throws Exception {
        HttpResponse<String> r = get("/down/api/v1/facilities/P1/history", null);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}
