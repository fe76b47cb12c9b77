package de.parkleit.dashboard;

import de.parkleit.core.sign.Arrow;
import de.parkleit.core.sign.LineState;
import de.parkleit.core.sign.SignFrame;
import de.parkleit.core.sign.SignFrameCodec;
import de.parkleit.core.sign.SignLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.parkleit.core.codec.FacilityOperationCodec;
import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.dashboard.auth.AuthSettings;
import de.parkleit.dashboard.auth.PasswordHash;
import de.parkleit.dashboard.auth.PlannerUser;
import de.parkleit.platform.mqtt.MqttConnection;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.platform.testing.TestBroker;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Login, roles, operations over MQTT, signs, data quality and the request guards, against a real broker. */
class PlannerApiTest {

    static DashboardFixture fx;
    static WebClient web;

    @BeforeAll
    static void up() {
        List<PlannerUser> users = List.of(
                new PlannerUser("alice", Set.of(PlannerUser.PLANNER, PlannerUser.OPERATOR), PasswordHash.hash("alice-pw-1".toCharArray(), 1_000)),
                new PlannerUser("paul", Set.of(PlannerUser.PLANNER), PasswordHash.hash("paul-pw-12".toCharArray(), 1_000)));
        AuthSettings auth = new AuthSettings(users, "test-secret-0123456789-0123456789-0123456789", false, Duration.ofHours(1), false);
        fx = DashboardFixture.start(DashboardConfig.forTests(TestBroker.uniqueRoot()).withAuth(auth), List.of(), DashboardFixture.heidelberg());
        web = WebClient.create(fx.vertx);
    }

    @AfterAll
    static void down() {
        web.close();
        fx.close();
    }

    private HttpRequest<Buffer> req(io.vertx.core.http.HttpMethod m, String path, String cookie) {
        HttpRequest<Buffer> r = web.request(m, fx.port(), "127.0.0.1", path);
        if (cookie != null) {
            r.putHeader("Cookie", cookie);
        }
        return r;
    }

    private HttpResponse<Buffer> get(String path, String cookie) {
        return Sync.await(req(io.vertx.core.http.HttpMethod.GET, path, cookie).send());
    }

    private HttpResponse<Buffer> login(String user, String pw) {
        return Sync.await(req(io.vertx.core.http.HttpMethod.POST, "/api/v1/auth/login", null)
                .sendJsonObject(new JsonObject().put("username", user).put("password", pw)));
    }

    private String session(String user, String pw) {
        HttpResponse<Buffer> r = login(user, pw);
        assertThat(r.statusCode()).isEqualTo(200);
        String setCookie = r.cookies().stream().filter(c -> c.startsWith("parkleit_session=")).findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").contains("SameSite=Strict");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    @Test
    void loginGivesASessionCookieAndWrongPasswordsA401Problem() {
        HttpResponse<Buffer> bad = login("alice", "nope");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(login("mallory", "alice-pw-1").statusCode()).isEqualTo(401);
        assertThat(Sync.await(req(io.vertx.core.http.HttpMethod.POST, "/api/v1/auth/login", null).sendBuffer(Buffer.buffer("x"))).statusCode())
                .isEqualTo(400);

        String cookie = session("alice", "alice-pw-1");
        JsonObject me = get("/api/v1/auth/me", cookie).bodyAsJsonObject();
        assertThat(me.getString("username")).isEqualTo("alice");
        assertThat(me.getJsonArray("roles")).containsExactly("operator", "planner");
        assertThat(get("/api/v1/auth/me", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/auth/me", "parkleit_session=forged.token.value").statusCode()).isEqualTo(401);
        HttpResponse<Buffer> bearer = Sync.await(req(io.vertx.core.http.HttpMethod.GET, "/api/v1/auth/me", null)
                .putHeader("Authorization", "Bearer " + cookie.substring(cookie.indexOf('=') + 1)).send());
        assertThat(bearer.statusCode()).isEqualTo(200);
    }

    @Test
    void plannerRoutesNeedLoginAndOperationsNeedTheOperatorRole() {
        assertThat(get("/api/v1/quality", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/signs/audit", null).statusCode()).isEqualTo(401);
        String paul = session("paul", "paul-pw-12");
        assertThat(get("/api/v1/quality", paul).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> forbidden = Sync.await(req(io.vertx.core.http.HttpMethod.PUT,
                "/api/v1/facilities/" + fx.city.facilities().get(0).id() + "/operation", paul)
                .sendJsonObject(new JsonObject().put("status", "closed").put("reason", "x").put("until", Instant.now().plusSeconds(60).toString())));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.bodyAsJsonObject().getString("detail")).contains("operator");
    }

    @Test
    void operatorClosesAFacilityOverMqttAndEveryoneSeesIt() throws Exception {
        String cookie = session("alice", "alice-pw-1");
        String id = fx.city.facilities().get(5).id();
        Instant until = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<Buffer> r = Sync.await(req(io.vertx.core.http.HttpMethod.PUT, "/api/v1/facilities/" + id + "/operation", cookie)
                .sendJsonObject(new JsonObject().put("status", "reserved").put("reason", "Weihnachtsmarkt <b>").put("until", until.toString())));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject().getString("by")).isEqualTo("alice");

        // another MQTT client (ingest, guidance, a second dashboard) gets the retained override
        List<FacilityOperation> seen = new CopyOnWriteArrayList<>();
        MqttConnection other = new MqttConnection(fx.vertx.getOrCreateContext(),
                new MqttSettings(fx.broker.url(), "other-" + UUID.randomUUID(), true, null, null), false);
        other.messageHandler(m -> seen.add(FacilityOperationCodec.decode(m.payload())));
        Sync.await(other.connect());
        Sync.await(other.subscribe(fx.topics.facilityOperation(id), 1));
        await().atMost(5, TimeUnit.SECONDS).until(() -> !seen.isEmpty());
        assertThat(seen.get(0).until()).isEqualTo(until);
        Sync.await(other.disconnect());

        await().atMost(5, TimeUnit.SECONDS).until(() -> "reserved".equals(get("/api/v1/facilities/" + id, null).bodyAsJsonObject().getString("status")));
        JsonObject f = get("/api/v1/facilities/" + id, null).bodyAsJsonObject();
        assertThat(f.getJsonObject("operation").getString("reason")).isEqualTo("Weihnachtsmarkt <b>");
        JsonArray ops = get("/api/v1/operations", cookie).bodyAsJsonArray();
        assertThat(ops).anySatisfy(o -> assertThat(((JsonObject) o).getString("id")).isEqualTo(id));

        HttpResponse<Buffer> lifted = Sync.await(req(io.vertx.core.http.HttpMethod.DELETE, "/api/v1/facilities/" + id + "/operation", cookie).send());
        assertThat(lifted.statusCode()).isEqualTo(204);
        await().atMost(5, TimeUnit.SECONDS).until(() -> !get("/api/v1/facilities/" + id, null).bodyAsJsonObject().containsKey("operation"));
    }

    @Test
    void operationsAreValidated() {
        String cookie = session("alice", "alice-pw-1");
        String path = "/api/v1/facilities/" + fx.city.facilities().get(0).id() + "/operation";
        JsonObject ok = new JsonObject().put("status", "closed").put("reason", "Bau").put("until", Instant.now().plusSeconds(600).toString());
        assertThat(put(path, cookie, ok.copy().put("status", "open")).statusCode()).isEqualTo(400);
        assertThat(put(path, cookie, ok.copy().put("until", "morgen")).statusCode()).isEqualTo(400);
        assertThat(put(path, cookie, ok.copy().put("until", Instant.now().minusSeconds(5).toString())).statusCode()).isEqualTo(400);
        assertThat(put(path, cookie, ok.copy().put("reason", "x".repeat(201))).statusCode()).isEqualTo(400);
        assertThat(put("/api/v1/facilities/nosuch/operation", cookie, ok).statusCode()).isEqualTo(404);
    }

    private HttpResponse<Buffer> put(String path, String cookie, JsonObject body) {
        return Sync.await(req(io.vertx.core.http.HttpMethod.PUT, path, cookie).sendJsonObject(body));
    }

    @Test
    void rejectsCrossSiteWritesAndLargeBodies() {
        HttpResponse<Buffer> cross = Sync.await(req(io.vertx.core.http.HttpMethod.POST, "/api/v1/auth/login", null)
                .putHeader("Origin", "https://evil.example")
                .sendJsonObject(new JsonObject().put("username", "alice").put("password", "alice-pw-1")));
        assertThat(cross.statusCode()).isEqualTo(403);
        HttpResponse<Buffer> same = Sync.await(req(io.vertx.core.http.HttpMethod.POST, "/api/v1/auth/login", null)
                .putHeader("Origin", "http://127.0.0.1:" + fx.port())
                .sendJsonObject(new JsonObject().put("username", "alice").put("password", "alice-pw-1")));
        assertThat(same.statusCode()).isEqualTo(200);
        HttpResponse<Buffer> big = Sync.await(req(io.vertx.core.http.HttpMethod.POST, "/api/v1/auth/login", null)
                .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{\"username\":\"" + "a".repeat(20_000) + "\"}")));
        assertThat(big.statusCode()).isEqualTo(413);
    }

    @Test
    void signsAreShownAndAudited() {
        String sign = "s-bismarck";
        String p0 = fx.city.facilities().get(0).id();
        fx.publishRetained(fx.topics.sign(sign), SignFrameCodec.encode(new SignFrame(sign, "Bismarckplatz", 49.41, 8.69, 0,
                List.of(new SignLine(p0, "P0 <i>frei</i>", LineState.FREE, 12, "12", Arrow.LEFT),
                        new SignLine(fx.city.facilities().get(1).id(), "Altstadt", LineState.FULL, null, "voll", Arrow.NONE)),
                Instant.now(), Instant.now().plusSeconds(300))));
        // a back arrow is never sent: the one codec rejects the frame
        String back = new String(SignFrameCodec.encode(new SignFrame("s-bad", "x", 49.41, 8.69, 0,
                List.of(new SignLine(p0, "x", LineState.FREE, 1, "1", Arrow.LEFT)), Instant.now(), Instant.now().plusSeconds(300))),
                StandardCharsets.UTF_8).replace("\"arrow\":\"left\"", "\"arrow\":\"back\"");
        fx.publishRetained(fx.topics.sign("s-bad"), back.getBytes(StandardCharsets.UTF_8));
        await().atMost(5, TimeUnit.SECONDS).until(() -> get("/api/v1/signs", null).bodyAsJsonArray().size() == 1);
        JsonObject s = get("/api/v1/signs", null).bodyAsJsonArray().getJsonObject(0);
        assertThat(s.getString("id")).isEqualTo(sign);
        assertThat(s.getJsonArray("lines").getJsonObject(0).getString("text")).isEqualTo("P0 <i>frei</i> 12");
        assertThat(s.getBoolean("expired")).isFalse();
        String cookie = session("paul", "paul-pw-12");
        assertThat(get("/api/v1/signs/audit", cookie).bodyAsJsonArray().getJsonObject(0).getString("text"))
                .isEqualTo("[left] P0 <i>frei</i> 12 | Altstadt voll");
    }

    @Test
    void qualityCountsRejectedReadingsByReason() {
        String dl = "{\"reason\":\"out_of_range\",\"detail\":\"free 900 > capacity 400\",\"topic\":\"x/parking/p1/occupancy\","
                + "\"receivedAt\":\"2026-01-01T10:00:00Z\",\"payload\":\"{\\\"free\\\":900}\",\"payloadEncoding\":\"utf8\"}";
        fx.publishRaw(fx.topics.deadLetter("out_of_range"), dl.getBytes(StandardCharsets.UTF_8));
        fx.publishRaw(fx.topics.deadLetter("out_of_range"), dl.getBytes(StandardCharsets.UTF_8));
        fx.publishRaw(fx.topics.deadLetter("malformed_json"), "garbage".getBytes(StandardCharsets.UTF_8));
        String cookie = session("paul", "paul-pw-12");
        await().atMost(5, TimeUnit.SECONDS).until(() ->
                get("/api/v1/quality", cookie).bodyAsJsonObject().getJsonObject("deadLetters").getJsonObject("byReason").getLong("out_of_range", 0L) == 2);
        JsonObject q = get("/api/v1/quality", cookie).bodyAsJsonObject();
        assertThat(q.getJsonObject("deadLetters").getJsonObject("byReason").getLong("malformed_json")).isEqualTo(1);
        assertThat(q.getJsonObject("deadLetters").getJsonArray("recent").getJsonObject(1).getString("detail")).contains("capacity 400");
        assertThat(q.getJsonArray("facilities").size()).as("facilities that never reported need a look").isPositive();
    }
}
