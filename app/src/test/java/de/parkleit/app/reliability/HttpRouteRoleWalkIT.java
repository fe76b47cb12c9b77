package de.parkleit.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import de.parkleit.app.Node;
import de.parkleit.dashboard.auth.PasswordHash;
import de.parkleit.platform.testing.TestBroker;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks every operation the running app publishes in {@code /api/v1/openapi.json} (the document is
 * narrowed to the routes the Vert.x router really has) for anonymous, planner and operator, and
 * sends injection strings in every path and query parameter. An operation the table below does not
 * classify fails the test, so a new route cannot slip in unwalked.
 */
class HttpRouteRoleWalkIT {

    private static final Logger LOG = LoggerFactory.getLogger(HttpRouteRoleWalkIT.class);

    enum Access { PUBLIC, ANY_USER, PLANNER, OPERATOR }

    /** Who may call what: the expectation, written down independently of the code under test. */
    static final Map<String, Access> ACCESS = new LinkedHashMap<>();

    static {
        for (String op : List.of("GET /api/v1/facilities", "GET /api/v1/facilities/{id}", "GET /api/v1/live", "GET /api/v1/map/config",
                "GET /api/v1/signs", "POST /api/v1/auth/login", "POST /api/v1/auth/logout", "GET /api/v1/opendata/facilities.geojson",
                "GET /api/v1/opendata/parkapi.json", "GET /api/v1/opendata/ppl.json", "GET /api/v1/opendata/datex2.xml", "GET /api/v1/opendata/datex2/v2.3/table.xml",
                "GET /api/v1/opendata/datex2/v2.3/status.xml", "GET /api/v1/opendata/datex2/v3.6/table.xml",
                "GET /api/v1/opendata/datex2/v3.6/status.xml", "GET /api/v1/openapi.json",
                "GET /api/v1/facilities/{id}/history", "GET /api/v1/facilities/{id}/forecast", "GET /api/v1/route", "GET /api/v1/guidance", "GET /api/v1/roads",
                "GET /health/live", "GET /health/ready", "GET /metrics")) {
            ACCESS.put(op, Access.PUBLIC);
        }
        ACCESS.put("GET /api/v1/auth/me", Access.ANY_USER);
        ACCESS.put("GET /api/v1/signs/audit", Access.PLANNER);
        ACCESS.put("GET /api/v1/signs/acks", Access.PLANNER);
        ACCESS.put("GET /api/v1/operations", Access.PLANNER);
        ACCESS.put("GET /api/v1/quality", Access.PLANNER);
        ACCESS.put("GET /api/v1/detectors", Access.PLANNER);
        ACCESS.put("GET /api/v1/detectors/{id}/history", Access.PLANNER);
        ACCESS.put("GET /api/v1/stats/guidance", Access.PLANNER);
        ACCESS.put("PUT /api/v1/facilities/{id}/operation", Access.OPERATOR);
        ACCESS.put("DELETE /api/v1/facilities/{id}/operation", Access.OPERATOR);
    }

    static final List<String> INJECTIONS = List.of("' OR '1'='1", "\"; DROP TABLE parking_occupancy; --", "1; SELECT * FROM sys.tables",
            "<script>alert(1)</script>", "../../../../etc/passwd", "${jndi:ldap://127.0.0.1:1/a}", "{{7*7}}", "%00", "\u0000",
            "') |> drop()", "-1", "1e309", "NaN", "2026-13-45T99:99:99Z", "A".repeat(5000), "Ω≈ç√∫", "..", "%2e%2e%2f");

    static final String FACILITY = "heidelbergp12kornmarktschloss";
    static final String DETECTOR = "hd-d06-rohrbacher";
    static final String PASSWORD = "walk-" + UUID.randomUUID();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static Node node;
    static final Map<String, String> TOKENS = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        node = startNode("walk", TestBroker.uniqueRoot(), TOKENS);
    }

    /**
     * A node with users planner, operator and admin (all with {@link #PASSWORD}) and no rate limit;
     * puts a session token per user into {@code tokens}. Also used by {@link OpenApiContractIT}.
     */
    static Node startNode(String instanceId, String topicRoot, Map<String, String> tokens) throws Exception {
        Path dir = Files.createTempDirectory("parkleit-walk-");
        Path users = dir.resolve("users");
        String hash = PasswordHash.hash(PASSWORD.toCharArray(), 10_000);
        Files.writeString(users, "planner:planner:" + hash + "\noperator:operator:" + hash + "\n");
        Map<String, String> env = ReliabilityNodes.env(null, topicRoot, instanceId);
        env.put("PARKLEIT_USERS_FILE", users.toString());
        env.put("PARKLEIT_ADMIN_PASSWORD", PASSWORD);
        env.put("PARKLEIT_AUTH_SECRET", "s".repeat(16) + UUID.randomUUID());
        env.put("PARKLEIT_HTTP_RATE_LIMIT", "1000000");
        env.put("PARKLEIT_HTTP_RATE_BURST", "1000000");
        Node started = ReliabilityNodes.start(env);
        for (String user : List.of("planner", "operator", "admin")) {
            tokens.put(user, login(started.httpPort(), user));
        }
        return started;
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void everyOperationAnswersEveryRoleAsExpected() throws Exception {
        List<String> ops = operations();
        assertThat(ops).as("operations in the served OpenAPI document").hasSizeGreaterThanOrEqualTo(20);
        List<String> wrong = new ArrayList<>();
        for (String op : ops) {
            Access access = ACCESS.get(op);
            if (access == null) {
                fail(op + " is served but not classified in HttpRouteRoleWalkIT.ACCESS");
            }
            for (String role : List.of("anonymous", "planner", "operator")) {
                int expected = expected(access, role);
                Answer a = call(op, Map.of(), role.equals("anonymous") ? null : TOKENS.get(role));
                boolean ok = expected == 200 ? a.status >= 200 && a.status < 300 : a.status == expected;
                if (!ok || (a.status >= 400 && !a.isProblem())) {
                    wrong.add(op + " as " + role + ": expected " + expected + ", got " + a.status + " " + a.contentType + " " + a.head());
                }
            }
        }
        LOG.info("route walk: {} operations x 3 roles, {} answers not as expected", ops.size(), wrong.size());
        assertThat(wrong).as("route x role").isEmpty();
    }

    @Test
    void injectionInEveryParameterIsRejectedWithProblemJsonNeverAServerError() throws Exception {
        JsonObject doc = openApi();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (String op : operations()) {
            for (String param : parameters(doc, op)) {
                for (String evil : INJECTIONS) {
                    Answer a = call(op, Map.of(param, evil), TOKENS.get("admin"));
                    sent++;
                    boolean rejected = a.status == 400 || a.status == 404 || a.status == 422;
                    if (!rejected || !a.isProblem() || a.leaksInternals()) {
                        wrong.add(op + " " + param + "=" + abbreviate(evil) + ": " + a.status + " " + a.contentType + " " + a.head());
                    }
                }
            }
        }
        LOG.info("injection walk: {} requests with {} strings in every parameter, {} not rejected with problem JSON",
                sent, INJECTIONS.size(), wrong.size());
        assertThat(sent).as("injection requests sent").isGreaterThan(100);
        assertThat(wrong).as("injections not rejected with problem JSON").isEmpty();
    }

    private static int expected(Access access, String role) {
        return switch (access) {
            case PUBLIC -> 200;
            case ANY_USER -> role.equals("anonymous") ? 401 : 200;
            case PLANNER -> role.equals("anonymous") ? 401 : role.equals("planner") ? 200 : 403;
            case OPERATOR -> role.equals("anonymous") ? 401 : role.equals("operator") ? 200 : 403;
        };
    }

    /** Calls {@code op} with valid arguments, except those in {@code override}. */
    private static Answer call(String op, Map<String, String> override, String token) throws Exception {
        String method = op.substring(0, op.indexOf(' '));
        String path = op.substring(op.indexOf(' ') + 1);
        String id = override.getOrDefault("id", path.startsWith("/api/v1/detectors/") ? DETECTOR : FACILITY);
        path = path.replace("{id}", URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
        Map<String, String> query = new LinkedHashMap<>(validQuery(path));
        override.forEach((k, v) -> {
            if (!k.equals("id")) {
                query.put(k, v);
            }
        });
        StringBuilder url = new StringBuilder("http://127.0.0.1:" + node.httpPort() + path);
        char sep = '?';
        for (Map.Entry<String, String> q : query.entrySet()) {
            url.append(sep).append(q.getKey()).append('=').append(URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.toString())).timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        String body = validBody(path);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<InputStream> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        String ct = r.headers().firstValue("Content-Type").orElse("");
        String text;
        try (InputStream in = r.body()) {
            text = ct.startsWith("text/event-stream") ? "" : new String(in.readNBytes(200_000), StandardCharsets.UTF_8);
        }
        return new Answer(r.statusCode(), ct, text);
    }

    static Map<String, String> validQuery(String path) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        if (path.endsWith("/history")) {
            return Map.of("from", now.minus(1, ChronoUnit.DAYS).toString(), "to", now.toString(), "step", "1h");
        }
        if (path.equals("/api/v1/route")) {
            return Map.of("from", "49.4093,8.6937", "to", "49.4120,8.7100", "optimize", "time");
        }
        if (path.equals("/api/v1/guidance")) {
            return Map.of("from", "49.4093,8.6937", "to", "49.4120,8.7100");
        }
        return Map.of();
    }

    private static String validBody(String path) {
        if (path.equals("/api/v1/auth/login")) {
            return new JsonObject().put("username", "planner").put("password", PASSWORD).encode();
        }
        if (path.endsWith("/operation")) {
            return new JsonObject().put("status", "closed").put("reason", "route walk")
                    .put("until", Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString()).encode();
        }
        return null;
    }

    private static List<String> parameters(JsonObject doc, String op) {
        String method = op.substring(0, op.indexOf(' ')).toLowerCase(java.util.Locale.ROOT);
        JsonObject item = doc.getJsonObject("paths").getJsonObject(op.substring(op.indexOf(' ') + 1));
        List<String> out = new ArrayList<>();
        for (JsonArray ps : new JsonArray[] {item.getJsonArray("parameters"), item.getJsonObject(method).getJsonArray("parameters")}) {
            if (ps != null) {
                ps.forEach(p -> out.add(((JsonObject) p).getString("name")));
            }
        }
        return out;
    }

    private static List<String> operations() throws Exception {
        JsonObject doc = openApi();
        List<String> out = new ArrayList<>();
        for (String p : doc.getJsonObject("paths").fieldNames()) {
            for (String m : doc.getJsonObject("paths").getJsonObject(p).fieldNames()) {
                if (List.of("get", "put", "post", "delete", "patch").contains(m)) {
                    out.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p);
                }
            }
        }
        return out;
    }

    private static JsonObject openApi() throws Exception {
        Answer a = call("GET /api/v1/openapi.json", Map.of(), null);
        assertThat(a.status).isEqualTo(200);
        return new JsonObject(a.body);
    }

    static String login(int port, String user) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", user).put("password", PASSWORD).encode())).build();
        HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("login " + user + ": " + r.body()).isEqualTo(200);
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("parkleit_session="))
                .map(c -> c.substring("parkleit_session=".length(), c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie for " + user));
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + ")" : s;
    }

    record Answer(int status, String contentType, String body) {

        boolean isProblem() {
            if (!contentType.startsWith("application/problem+json")) {
                return false;
            }
            try {
                return new JsonObject(body).getInteger("status") == status;
            } catch (RuntimeException e) {
                return false;
            }
        }

        boolean leaksInternals() {
            return body.contains("Exception") || body.contains("\tat ") || body.contains("java.") || body.contains("io.vertx")
                    || body.contains("de.parkleit");
        }

        String head() {
            return body.length() > 160 ? body.substring(0, 160) : body;
        }
    }
}
