package de.parkleit.dashboard.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.core.live.LiveBoard;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.Trend;
import de.parkleit.dashboard.Sync;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ParkAPI v3 push against a local HTTP server standing in for the hub: it checks the Basic auth
 * (source uid as user), the path and that every item carries the required fields, and answers with
 * the status codes a test queues (then 200).
 */
class ParkApiPushClientTest {

    static final Set<String> REQUIRED = Set.of("uid", "name", "purpose", "type", "lat", "lon", "capacity",
            "has_realtime_data", "static_data_updated_at");
    static final String AUTH = "Basic aGVpZGVsYmVyZzpzM2NyZXQ="; // heidelberg:s3cret
    static final Instant STATIC = Instant.parse("2026-11-01T08:00:00.123Z");

    Vertx vertx;
    HttpServer hub;
    final Deque<Integer> answers = new ArrayDeque<>();
    final List<JsonObject> received = new CopyOnWriteArrayList<>();
    final List<String> problems = new CopyOnWriteArrayList<>();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    LiveBoard board = ExportCity.board();
    ParkApiPushClient client;
    Context context;

    @BeforeEach
    void up() {
        vertx = Vertx.vertx();
        hub = Sync.await(vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            if (!req.path().equals(ParkApiPushConfig.PATH) || !"POST".equals(req.method().name())) {
                problems.add(req.method() + " " + req.path());
                req.response().setStatusCode(404).end();
                return;
            }
            if (!AUTH.equals(req.getHeader("Authorization"))) {
                problems.add("auth " + req.getHeader("Authorization"));
                req.response().setStatusCode(401).end();
                return;
            }
            JsonObject body = b.toJsonObject();
            received.add(body);
            for (Object o : body.getJsonArray("items")) {
                Set<String> missing = REQUIRED.stream().filter(k -> !((JsonObject) o).containsKey(k)).collect(Collectors.toSet());
                if (!missing.isEmpty()) {
                    problems.add(((JsonObject) o).getString("uid") + " misses " + missing);
                }
            }
            Integer status = answers.poll();
            req.response().setStatusCode(status == null ? 200 : status).putHeader("Content-Type", "application/json").end("{}");
        })).listen(0, "127.0.0.1"));
        ParkApiPushConfig config = new ParkApiPushConfig(URI.create("http://127.0.0.1:" + hub.actualPort()), "heidelberg", "s3cret",
                Duration.ofHours(1), 2, Duration.ofMillis(20));
        client = new ParkApiPushClient(vertx, board, config, STATIC, registry);
        context = vertx.getOrCreateContext();
    }

    @AfterEach
    void down() {
        Sync.await(client.stop());
        Sync.await(vertx.close());
    }

    /** Runs one push on the client's context, as its timer would. */
    private <T> Future<T> onContext(Supplier<Future<T>> f) {
        Promise<T> p = Promise.promise();
        context.runOnContext(v -> f.get().onComplete(p));
        return p.future();
    }

    private int push() {
        return Sync.await(onContext(client::push));
    }

    private double count(String name, String tag, String value) {
        var c = registry.find(name).tag(tag, value).counter();
        return c == null ? 0 : c.count();
    }

    private static Map<String, JsonObject> byUid(JsonObject body) {
        return body.getJsonArray("items").stream().map(o -> (JsonObject) o)
                .collect(Collectors.toMap(o -> o.getString("uid"), o -> o));
    }

    @Test
    void retriesAfterA500AndThenSendsNothingWhileNothingChanges() {
        answers.add(500);
        assertThat(push()).isEqualTo(ExportCity.facilities().size());
        assertThat(problems).isEmpty();
        assertThat(received).hasSize(2);
        assertThat(received.get(1)).isEqualTo(received.get(0));
        assertThat(count("parkleit.dashboard.parkapi.push.requests", "outcome", "error")).isEqualTo(1);
        assertThat(count("parkleit.dashboard.parkapi.push.requests", "outcome", "success")).isEqualTo(1);
        assertThat(registry.find("parkleit.dashboard.parkapi.push.items").counter().count()).isEqualTo(ExportCity.facilities().size());

        assertThat(push()).as("unchanged: nothing to send").isZero();
        assertThat(received).as("no request for an unchanged city").hasSize(2);
        assertThat(count("parkleit.dashboard.parkapi.push.rounds", "result", "unchanged")).isEqualTo(1);
    }

    @Test
    void onlyChangedSitesAreSent() {
        push();
        board.apply(new FacilityState("full", 4, 100, FacilityStatus.OPEN, Trend.EMPTYING, ExportCity.NOW, Set.of()));
        assertThat(push()).isEqualTo(1);
        JsonArray items = received.get(received.size() - 1).getJsonArray("items");
        assertThat(items).hasSize(1);
        assertThat(items.getJsonObject(0).getString("uid")).isEqualTo("full");
        assertThat(items.getJsonObject(0).getInteger("realtime_free_capacity")).isEqualTo(4);
        assertThat(items.getJsonObject(0).getString("realtime_data_updated_at")).isEqualTo("2026-11-26T12:00:00Z");
    }

    @Test
    void itemsSayWhatIsKnownAndNothingMore() {
        push();
        Map<String, JsonObject> items = byUid(received.get(0));
        JsonObject open = items.get("open");
        assertThat(open.getString("name")).isEqualTo(ExportCity.TRICKY_NAME);
        assertThat(open.getString("purpose")).isEqualTo("CAR");
        assertThat(open.getString("type")).isEqualTo("CAR_PARK");
        assertThat(open.getDouble("lat")).isEqualTo(49.41);
        assertThat(open.getInteger("capacity")).isEqualTo(200);
        assertThat(open.getBoolean("has_realtime_data")).isTrue();
        assertThat(open.getString("static_data_updated_at")).isEqualTo("2026-11-01T08:00:00Z");
        assertThat(open.getString("realtime_opening_status")).isEqualTo("OPEN");
        assertThat(open.getInteger("realtime_free_capacity")).isEqualTo(150);
        assertThat(open.getInteger("realtime_capacity")).isEqualTo(200);
        assertThat(open.getString("opening_hours")).isEqualTo("Mo-Sa 07:00-23:00; Su off");
        assertThat(open.getString("public_url")).isEqualTo("https://parken.example/open?a=1&b=2");
        assertThat(items.get("silent").fieldNames()).as("never reported: no realtime fields")
                .noneMatch(k -> k.startsWith("realtime_"));
        assertThat(items.get("stale").getString("realtime_opening_status")).isEqualTo("UNKNOWN");
        assertThat(items.get("stale").containsKey("realtime_free_capacity")).isFalse();
        assertThat(items.get("stalecount").containsKey("realtime_free_capacity")).isFalse();
        assertThat(items.get("opclosed").getString("realtime_opening_status")).isEqualTo("CLOSED");
        assertThat(items.get("opclosed").containsKey("realtime_free_capacity")).isFalse();
        assertThat(items.get("full").getInteger("realtime_free_capacity")).isZero();
        assertThat(items.get("pr").getString("type")).isEqualTo("OFF_STREET_PARKING_GROUND");
        assertThat(items.get("pr").getJsonArray("park_and_ride_type")).containsExactly("YES");
    }

    @Test
    void anOperatorClosureWithoutSensorsIsPushedAsClosed() {
        push();
        board.applyOperation("silent", new de.parkleit.core.operation.FacilityOperation("silent", FacilityStatus.CLOSED, "Markt",
                ExportCity.NOW.plusSeconds(3600), "alice", ExportCity.NOW.minusSeconds(5)));
        assertThat(push()).isEqualTo(1);
        JsonObject silent = received.get(received.size() - 1).getJsonArray("items").getJsonObject(0);
        assertThat(silent.getString("uid")).isEqualTo("silent");
        assertThat(silent.getString("realtime_opening_status")).isEqualTo("CLOSED");
        assertThat(silent.getString("realtime_data_updated_at")).isEqualTo("2026-11-26T11:59:55Z");
        assertThat(silent.containsKey("realtime_free_capacity")).isFalse();
        assertThat(byUid(received.get(0)).get("opclosed").getString("realtime_data_updated_at"))
                .as("the newer of reading and override").isEqualTo("2026-11-26T11:59:30Z");
    }

    @Test
    void givesUpAfterTheRetriesAndOffersEverythingAgainNextRound() {
        answers.addAll(List.of(503, 503, 503));
        assertThatThrownBy(() -> push()).hasMessageContaining("HTTP 503 after 3 attempts");
        assertThat(received).hasSize(3);
        assertThat(count("parkleit.dashboard.parkapi.push.rounds", "result", "failed")).isEqualTo(1);
        assertThat(push()).as("nothing was accepted, so all is sent again").isEqualTo(ExportCity.facilities().size());
        assertThat(received).hasSize(4);
    }

    @Test
    void aRejectionIsNotRetried() {
        answers.add(422);
        assertThatThrownBy(() -> push()).hasMessageContaining("HTTP 422");
        assertThat(received).hasSize(1);
        assertThat(count("parkleit.dashboard.parkapi.push.requests", "outcome", "rejected")).isEqualTo(1);
    }

    @Test
    void wrongCredentialsAreRefusedByTheHub() {
        ParkApiPushClient wrong = new ParkApiPushClient(vertx, board, new ParkApiPushConfig(
                URI.create("http://127.0.0.1:" + hub.actualPort()), "heidelberg", "wrong", Duration.ofHours(1), 0, Duration.ofMillis(1)),
                STATIC, registry);
        Promise<Integer> p = Promise.promise();
        context.runOnContext(v -> wrong.push().onComplete(p));
        assertThatThrownBy(() -> Sync.await(p.future())).hasMessageContaining("HTTP 401");
        assertThat(problems).singleElement().asString().startsWith("auth Basic ");
        Sync.await(wrong.stop());
    }

    @Test
    void configIsOffByDefaultAndHidesThePassword() {
        assertThat(ParkApiPushConfig.fromEnv(new de.parkleit.platform.config.Env(Map.of())).enabled()).isFalse();
        ParkApiPushConfig on = ParkApiPushConfig.fromEnv(new de.parkleit.platform.config.Env(Map.of(
                "PARKLEIT_PARKAPI_PUSH_URL", "https://hub.example/park-api/", "PARKLEIT_PARKAPI_PUSH_SOURCE_UID", "heidelberg",
                "PARKLEIT_PARKAPI_PUSH_PASSWORD", "s3cret", "PARKLEIT_PARKAPI_PUSH_INTERVAL", "30s")));
        assertThat(on.endpoint()).hasToString("https://hub.example/park-api/api/admin/v1/parking-sites/upsert-list");
        assertThat(on.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(on.toString()).doesNotContain("s3cret").contains("*****");
        assertThatThrownBy(() -> ParkApiPushConfig.fromEnv(new de.parkleit.platform.config.Env(Map.of(
                "PARKLEIT_PARKAPI_PUSH_URL", "https://hub.example"))))
                .hasMessageContaining("PARKLEIT_PARKAPI_PUSH_SOURCE_UID");
    }
}
