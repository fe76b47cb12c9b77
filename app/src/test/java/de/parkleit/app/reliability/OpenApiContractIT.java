package de.parkleit.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import de.parkleit.app.Node;
import de.parkleit.app.reliability.HttpRouteRoleWalkIT.Access;
import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.testing.TestBroker;
import de.parkleit.platform.testing.TestHttp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The served {@code /api/v1/openapi.json} describes what the node really answers: every GET
 * operation in it is called (with the role {@link HttpRouteRoleWalkIT#ACCESS} gives it) on a node
 * with fresh live state, one override, one recommendation, one detector interval and one dead letter, and the answer's status, media type
 * and body are checked against the operation's response in the document with a JSON Schema
 * validator (networknt, OpenAPI 3.0 dialect: {@code nullable}, formats asserted). Problem-JSON
 * answers (400, 401, 403, 404) are checked against the same document.
 */
class OpenApiContractIT {

    private static final Logger LOG = LoggerFactory.getLogger(OpenApiContractIT.class);
    private static final String DOC_IRI = "https://parkleit.invalid/api/v1/openapi.json";
    private static final String CLOSED = "heidelbergp0ambismarckplatz";
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();
    private static final String ROOT = TestBroker.uniqueRoot();
    private static Node node;
    private static TestHttp http;
    private static JsonObject doc;
    private static SchemaRegistry schemas;
    private static HttpResponse<String> putAnswer;

    @BeforeAll
    static void start() throws Exception {
        node = HttpRouteRoleWalkIT.startNode("contract", ROOT, TOKENS);
        http = new TestHttp(node.httpPort());
        publishFreshReadings();
        putAnswer = http.send(http.request("/api/v1/facilities/" + CLOSED + "/operation")
                .header("Authorization", "Bearer " + TOKENS.get("operator")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(new JsonObject().put("status", "closed").put("reason", "contract test")
                        .put("until", Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString()).encode()))
                .build());
        assertThat(putAnswer.statusCode()).as("PUT operation: " + putAnswer.body()).isEqualTo(200);
        HttpResponse<String> served = http.get("/api/v1/openapi.json");
        assertThat(served.statusCode()).isEqualTo(200);
        doc = new JsonObject(served.body());
        schemas = SchemaRegistry.withDialect(Dialects.getOpenApi30(), b -> b
                .schemas(Map.of(DOC_IRI, served.body()))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    /**
     * Fresh occupancy for every facility, so facilities, guidance, forecasts and signs have content;
     * one detector interval and one rejected reading, so traffic history and dead letters have some.
     */
    private static void publishFreshReadings() throws Exception {
        Topics topics = new Topics(ROOT);
        Instant fresh = Instant.now().minusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        MqttClient gw = new MqttClient(node.mqttUrl(), "contract-gw-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        gw.connect(o);
        int k = 0;
        for (var f : node.city().facilities()) {
            int free = Math.min(f.capacity(), 5 + (k++ * 13) % 60);
            gw.publish(topics.occupancy(f.id()), ReadingCodec.encode(new OccupancyReading(f.id(), fresh, free, null, null)), 1, false);
        }
        // a detector interval (traffic history) and a reading ingest rejects (dead letter in the quality report)
        gw.publish(topics.traffic(HttpRouteRoleWalkIT.DETECTOR), new JsonObject().put("ts", fresh.toString()).put("intervalS", 60)
                .put("count", 14).put("speedKmh", 31.5).put("occupancyPct", 12.0).encode().getBytes(StandardCharsets.UTF_8), 1, false);
        gw.publish(topics.occupancy(CLOSED), "not json".getBytes(StandardCharsets.UTF_8), 1, false);
        gw.disconnect();
        gw.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonArray all = new JsonArray(http.get("/api/v1/facilities").body());
            JsonObject traffic = new JsonObject(http.get("/api/v1/detectors/" + HttpRouteRoleWalkIT.DETECTOR + "/history?step=1h",
                    "Authorization", "Bearer " + TOKENS.get("planner")).body());
            if (all.stream().map(JsonObject.class::cast).allMatch(f -> f.getValue("free") != null) && !traffic.getJsonArray("buckets").isEmpty()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("live state and traffic history did not arrive within 30 s");
    }

    @Test
    void everyGetOperationAnswersWhatTheDocumentSays() throws Exception {
        // one recommendation first, so the guidance statistics have a count
        Call first = call("/api/v1/guidance", Map.of(), null, null);
        assertThat(first.status).as("guidance: " + first.body).isEqualTo(200);
        List<String> wrong = new ArrayList<>();
        List<String> bodiesNotChecked = new ArrayList<>();
        int checked = 0;
        JsonObject paths = doc.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            if (!paths.getJsonObject(path).containsKey("get")) {
                continue;
            }
            Access access = HttpRouteRoleWalkIT.ACCESS.get("GET " + path);
            assertThat(access).as("GET " + path + " is served but not classified in HttpRouteRoleWalkIT.ACCESS").isNotNull();
            String token = switch (access) {
                case PUBLIC -> null;
                case ANY_USER, PLANNER -> TOKENS.get("planner");
                case OPERATOR -> TOKENS.get("operator");
            };
            List<String> accepts = new ArrayList<>();
            accepts.add(null);
            if (mediaTypes(path, "200").contains("text/csv")) {
                accepts.add("text/csv");
            }
            for (String accept : accepts) {
                Call c = call(path, Map.of(), token, accept);
                if (path.equals("/api/v1/quality")) {
                    assertThat(new JsonObject(c.body).getJsonObject("deadLetters").getJsonArray("recent")).as("dead letters to check").isNotEmpty();
                }
                String what = "GET " + path + (accept == null ? "" : " (Accept: " + accept + ")");
                checked++;
                wrong.addAll(check(what, path, 200, c, bodiesNotChecked));
            }
        }
        LOG.info("contract: {} answers checked against the served document, {} wrong; media types without a body check: {}",
                checked, wrong.size(), bodiesNotChecked);
        assertThat(checked).isGreaterThanOrEqualTo(20);
        assertThat(wrong).as("answers that disagree with the served OpenAPI document").isEmpty();
    }

    @Test
    void problemAnswersMatchTheDocument() throws Exception {
        List<String> wrong = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        String guidance = "/api/v1/guidance";
        wrong.addAll(check("GET guidance with from=nonsense", guidance, 400,
                call(guidance, Map.of("from", "nonsense"), null, null), ignored));
        String history = "/api/v1/facilities/{id}/history";
        wrong.addAll(check("GET history with from=yesterday", history, 400,
                call(history, Map.of("from", "yesterday"), null, null), ignored));
        String forecast = "/api/v1/facilities/{id}/forecast";
        wrong.addAll(check("GET forecast with minutes=0", forecast, 400,
                call(forecast, Map.of("minutes", "0"), null, null), ignored));
        String facility = "/api/v1/facilities/{id}";
        wrong.addAll(check("GET unknown facility", facility, 404, call(facility, Map.of("id", "nosuchfacility"), null, null), ignored));
        wrong.addAll(check("GET forecast of unknown facility", forecast, 404,
                call(forecast, Map.of("id", "nosuchfacility"), null, null), ignored));
        String detector = "/api/v1/detectors/{id}/history";
        wrong.addAll(check("GET history of unknown detector", detector, 404,
                call(detector, Map.of("id", "nosuchdetector"), TOKENS.get("planner"), null), ignored));
        String quality = "/api/v1/quality";
        wrong.addAll(check("GET quality anonymous", quality, 401, call(quality, Map.of(), null, null), ignored));
        wrong.addAll(check("GET quality as operator", quality, 403, call(quality, Map.of(), TOKENS.get("operator"), null), ignored));
        assertThat(wrong).as("problem answers that disagree with the served OpenAPI document").isEmpty();
    }

    @Test
    void loginAndOverrideAnswersMatchTheDocument() throws Exception {
        List<String> wrong = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        String op = "/api/v1/facilities/{id}/operation";
        wrong.addAll(check("PUT operation", "put", op, 200,
                new Call(putAnswer.statusCode(), putAnswer.headers().firstValue("Content-Type").orElse(""), putAnswer.body()), ignored));
        HttpResponse<String> login = http.send(http.request("/api/v1/auth/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "planner")
                        .put("password", HttpRouteRoleWalkIT.PASSWORD).encode())).build());
        wrong.addAll(check("POST login", "post", "/api/v1/auth/login", 200, answer(login), ignored));
        HttpResponse<String> badLogin = http.send(http.request("/api/v1/auth/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "planner").put("password", "wrong").encode())).build());
        wrong.addAll(check("POST login with a wrong password", "post", "/api/v1/auth/login", 401, answer(badLogin), ignored));
        HttpResponse<String> badOp = http.send(http.request("/api/v1/facilities/" + CLOSED + "/operation")
                .header("Authorization", "Bearer " + TOKENS.get("operator")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(new JsonObject().put("status", "open").put("reason", "x").put("until", "soon").encode()))
                .build());
        wrong.addAll(check("PUT operation with status open", "put", op, 400, answer(badOp), ignored));
        assertThat(wrong).as("write answers that disagree with the served OpenAPI document").isEmpty();
    }

    private static Call answer(HttpResponse<String> r) {
        return new Call(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    /** What is wrong with {@code c} as the answer to GET {@code path} expected with {@code status}. */
    private static List<String> check(String what, String path, int status, Call c, List<String> bodiesNotChecked) {
        return check(what, "get", path, status, c, bodiesNotChecked);
    }

    /** What is wrong with {@code c} as the answer to {@code method} {@code path} expected with {@code status}. */
    private static List<String> check(String what, String method, String path, int status, Call c, List<String> bodiesNotChecked) {
        List<String> wrong = new ArrayList<>();
        if (c.status != status) {
            wrong.add(what + ": status " + c.status + ", expected " + status + ": " + c.head());
            return wrong;
        }
        String pointer = responsePointer(method, path, c.status);
        if (pointer == null) {
            wrong.add(what + ": status " + c.status + " is not in the document's responses");
            return wrong;
        }
        JsonObject response = resolve(pointer);
        JsonObject content = response.getJsonObject("content");
        if (content == null) {
            if (!c.body.isEmpty()) {
                wrong.add(what + ": the document has no content for " + c.status + " but the answer has a body");
            }
            return wrong;
        }
        String media = c.contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!content.containsKey(media)) {
            wrong.add(what + ": content type " + c.contentType + " is not among " + content.fieldNames());
            return wrong;
        }
        JsonObject mediaType = content.getJsonObject(media);
        if (!media.endsWith("json")) {
            // CSV, XML, event stream, Prometheus text: the media type is checked, the body is not JSON
            bodiesNotChecked.add(media);
            return wrong;
        }
        if (!mediaType.containsKey("schema")) {
            wrong.add(what + ": JSON media type " + media + " without a schema");
            return wrong;
        }
        Schema schema = schemas.getSchema(SchemaLocation.of(DOC_IRI + "#" + pointer + "/content/" + escape(media) + "/schema"));
        List<Error> errors = schema.validate(c.body, InputFormat.JSON);
        for (Error e : errors.subList(0, Math.min(errors.size(), 15))) {
            wrong.add(what + ": " + e.getInstanceLocation() + " " + e.getMessage());
        }
        return wrong;
    }

    /** JSON pointer (without '#') of the response object for {@code status}, following a {@code $ref}. */
    private static String responsePointer(String method, String path, int status) {
        JsonObject responses = doc.getJsonObject("paths").getJsonObject(path).getJsonObject(method).getJsonObject("responses");
        String key = responses.containsKey(Integer.toString(status)) ? Integer.toString(status) : responses.containsKey("default") ? "default" : null;
        if (key == null) {
            return null;
        }
        JsonObject r = responses.getJsonObject(key);
        if (r.containsKey("$ref")) {
            return r.getString("$ref").substring(1);
        }
        return "/paths/" + escape(path) + "/" + method + "/responses/" + key;
    }

    private static JsonObject resolve(String pointer) {
        Object at = doc;
        for (String part : pointer.substring(1).split("/")) {
            at = ((JsonObject) at).getValue(part.replace("~1", "/").replace("~0", "~"));
        }
        return (JsonObject) at;
    }

    private static List<String> mediaTypes(String path, String status) {
        String pointer = responsePointer("get", path, Integer.parseInt(status));
        JsonObject content = pointer == null ? null : resolve(pointer).getJsonObject("content");
        return content == null ? List.of() : List.copyOf(content.fieldNames());
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** GET {@code path} with the walk's valid arguments, except those in {@code override} ("id" is the path id). */
    private static Call call(String path, Map<String, String> override, String token, String accept) throws Exception {
        String id = override.getOrDefault("id", path.startsWith("/api/v1/detectors/") ? HttpRouteRoleWalkIT.DETECTOR : HttpRouteRoleWalkIT.FACILITY);
        String p = path.replace("{id}", URLEncoder.encode(id, StandardCharsets.UTF_8));
        Map<String, String> query = new LinkedHashMap<>(HttpRouteRoleWalkIT.validQuery(p));
        override.forEach((k, v) -> {
            if (!k.equals("id")) {
                query.put(k, v);
            }
        });
        StringBuilder url = new StringBuilder(p);
        char sep = '?';
        for (Map.Entry<String, String> q : query.entrySet()) {
            url.append(sep).append(q.getKey()).append('=').append(URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        HttpRequest.Builder b = http.request(url.toString()).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        HttpResponse<InputStream> r = HttpRouteRoleWalkIT.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        String ct = r.headers().firstValue("Content-Type").orElse("");
        String text;
        try (InputStream in = r.body()) {
            // an event stream never ends: its framing is not JSON, only the media type is checked
            text = ct.startsWith("text/event-stream") ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Call(r.statusCode(), ct, text);
    }

    record Call(int status, String contentType, String body) {

        String head() {
            return body.length() > 200 ? body.substring(0, 200) : body;
        }
    }
}
