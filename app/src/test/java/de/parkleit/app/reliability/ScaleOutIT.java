package de.parkleit.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.parkleit.app.Node;
import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.testing.TestBroker;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two parkleit nodes against one Mosquitto (shared subscription) and one QuestDB (embedded in node A,
 * reached by node B through {@code PARKLEIT_QUESTDB_URL}). Broker: {@code PARKLEIT_TEST_MQTT_URL} when
 * set, else a private Mosquitto with the shipped secured config; the embedded broker cannot split a
 * shared subscription (DESIGN.md), so without Mosquitto the test is skipped.
 */
class ScaleOutIT {

    private static final Logger LOG = LoggerFactory.getLogger(ScaleOutIT.class);
    static final int PER_FACILITY = 100;
    static final List<String> TRIPS = List.of("from=49.4037,8.6756&to=49.4097,8.6918", "from=49.4008,8.6788&to=49.4110,8.7122",
            "from=49.4183,8.6750&to=49.4077,8.6949", "from=49.4120,8.7100&to=49.4183,8.6750");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SecuredMosquitto ownBroker;
    String brokerUrl;
    String user;
    String password;
    Topics topics;
    Node a;
    Node b;
    Map<String, String> envB;
    List<String> facilities;
    Instant base;

    @BeforeEach
    void start() throws Exception {
        String external = System.getenv("PARKLEIT_TEST_MQTT_URL");
        String root;
        if (external != null && !external.isBlank()) {
            brokerUrl = external;
            root = TestBroker.uniqueRoot();
        } else {
            assumeTrue(SecuredMosquitto.available() && TestCertificates.available(),
                    "needs PARKLEIT_TEST_MQTT_URL or /usr/sbin/mosquitto: the embedded broker has no shared subscriptions");
            Path dir = Files.createTempDirectory("parkleit-scale-");
            user = "parkleit";
            password = "pl-" + UUID.randomUUID();
            ownBroker = SecuredMosquitto.start(dir.resolve("mosquitto"), Map.of(user, password), TestCertificates.create(dir.resolve("tls")));
            brokerUrl = ownBroker.url();
            root = "parkleit/v1";
        }
        topics = new Topics(root);
        String run = UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> envA = nodeEnv(root, "scale-a-" + run);
        a = ReliabilityNodes.start(envA);
        envB = nodeEnv(root, "scale-b-" + run);
        envB.put("PARKLEIT_QUESTDB_URL", "http://127.0.0.1:" + envA.get("PARKLEIT_QUESTDB_HTTP_PORT"));
        b = ReliabilityNodes.start(envB);
        facilities = a.city().facilities().stream().map(f -> f.id()).sorted().toList();
        base = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    private Map<String, String> nodeEnv(String root, String id) throws Exception {
        Map<String, String> env = ReliabilityNodes.env(brokerUrl, root, id);
        env.put("PARKLEIT_INGEST_SHARE_GROUP", "parkleit-ingest-" + id.substring(id.length() - 6));
        // frames valid 10 s, so every instance republishes every sign every 5 s (the check below listens for 12 s)
        env.put("PARKLEIT_SIGN_VALIDITY", "10s");
        if (user != null) {
            env.put("PARKLEIT_MQTT_USERNAME", user);
            env.put("PARKLEIT_MQTT_PASSWORD", password);
        }
        return env;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {b, a, ownBroker}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void twoNodesSplitTheReadingsStoreEachOnceServeTheSameStateAndLoseNothingWhenOneStops() throws Exception {
        int total = facilities.size() * PER_FACILITY;
        long t0 = System.nanoTime();
        MqttClient gw = gateway();
        for (int i = 0; i < PER_FACILITY; i++) {
            for (int f = 0; f < facilities.size(); f++) {
                publish(gw, facilities.get(f), i);
            }
            if (i == PER_FACILITY / 2) {
                awaitAccepted(total / 4, Duration.ofSeconds(30));
            }
        }
        awaitStored(total, Duration.ofSeconds(60));
        double accA = accepted(a);
        double accB = accepted(b);
        LOG.info("scale-out: {} readings, node A accepted {}, node B accepted {}, all stored after {} ms",
                total, accA, accB, (System.nanoTime() - t0) / 1_000_000);
        assertThat(accA + accB).as("accepted by both nodes together").isGreaterThanOrEqualTo(total);
        assertThat(Math.min(accA, accB)).as("each node took a share (A=%s, B=%s)", accA, accB).isGreaterThan(total * 0.2);
        assertThat(storedRows()).as("rows per facility: exactly once").allSatisfy((f, n) -> assertThat(n).as(f).isEqualTo(PER_FACILITY));
        awaitSameLiveState(Duration.ofSeconds(10));
        sameGuidanceAndSigns();

        // second round: node B stops after a quarter; node A must take everything from then on
        int round2 = PER_FACILITY;
        long t1 = System.nanoTime();
        long stoppedAt = 0;
        for (int i = 0; i < PER_FACILITY; i++) {
            for (int f = 0; f < facilities.size(); f++) {
                publish(gw, facilities.get(f), round2 + i);
            }
            if (i == PER_FACILITY / 4) {
                b.close();
                b = null;
                stoppedAt = System.nanoTime();
            }
        }
        gw.disconnect();
        boolean allByA = awaitStoredOrTimeout(2 * total, Duration.ofSeconds(15));
        long withoutB = storedRows().values().stream().mapToLong(Long::longValue).sum();
        LOG.info("scale-out: node B stopped mid-stream; {} of {} readings stored without B ({} ms after the stop), node A accepted {}",
                withoutB, 2 * total, (System.nanoTime() - stoppedAt) / 1_000_000, accepted(a));
        guidanceAndSignsWithOneNodeDown();
        if (!allByA) {
            // Mosquitto keeps queueing shared-subscription messages for the offline persistent session of B:
            // they are not lost, they wait for B. Restart B with the same instance id and data folder.
            long restart = System.nanoTime();
            b = ReliabilityNodes.start(envB);
            awaitStored(2 * total, Duration.ofSeconds(60));
            LOG.info("scale-out: after restarting node B all readings were stored within {} ms", (System.nanoTime() - restart) / 1_000_000);
        }
        assertThat(storedRows()).as("rows per facility after the stop: exactly once")
                .allSatisfy((f, n) -> assertThat(n).as(f).isEqualTo(2 * PER_FACILITY));
        LOG.info("scale-out: second round took {} ms", (System.nanoTime() - t1) / 1_000_000);
    }

    /**
     * With fresh states (the round above is an hour old, so stale for guidance and signs): both nodes
     * recommend the same facilities with the same drive and walk times for the same trips, share the
     * recommendations (closed loop) with each other, and publish the same contents on every sign.
     * Each trip is asked on A, then on B once B holds A's recommendation, so both ask with the same
     * live states; B's answer counts one recommendation more, which cannot move the ranking here
     * (every facility but the one with a single space has at least 10 free).
     */
    private void sameGuidanceAndSigns() throws Exception {
        Instant fresh = Instant.now().minusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Integer> freshFree = new TreeMap<>();
        MqttClient gw = gateway();
        for (int k = 0; k < facilities.size(); k++) {
            String f = facilities.get(k);
            int capacity = a.city().facilities().stream().filter(x -> x.id().equals(f)).findFirst().orElseThrow().capacity();
            int free = Math.min(capacity, 10 + (k * 11) % 40);
            freshFree.put(f, free);
            gw.publish(topics.occupancy(f), ReadingCodec.encode(new OccupancyReading(f, fresh, free, null, null)), 1, false);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !(allAt(liveState(a), fresh) && allAt(liveState(b), fresh))) {
            Thread.sleep(200);
        }
        assertThat(liveState(b)).as("fresh live state on B").isEqualTo(liveState(a)).allSatisfy((f, v) -> assertThat(v).endsWith(fresh.toString()));

        List<String> trips = TRIPS;
        int answered = 0;
        for (String trip : trips) {
            String onA = guidance(a, trip);
            awaitSamePending();
            String onB = guidance(b, trip);
            awaitSamePending();
            LOG.info("scale-out guidance {}: A {} / B {}", trip, onA, onB);
            assertThat(onB).as("guidance for %s on B", trip).isEqualTo(onA);
            answered += onA.startsWith("200 heidelberg") ? 1 : 0;
        }
        double pendingA = metricSum(a, "parkleit_guidance_pending");
        assertThat(answered).as("trips answered with a recommendation").isEqualTo(trips.size());
        assertThat(pendingA).as("recommendations counting on A (its own and B's)").isEqualTo(2.0 * answered);
        assertThat(metricSum(b, "parkleit_guidance_pending")).as("recommendations counting on B").isEqualTo(pendingA);

        gw.disconnect();
        SignFrames heard = listenToSigns(Duration.ofSeconds(12));
        Map<String, String> signsA = signs(a);
        Map<String, String> signsB = signs(b);
        LOG.info("scale-out signs: {} signs, frames per sign in 12 s (both nodes republish every 5 s) {}, contents {}", signsA.size(),
                heard.frames(), heard.contents());
        assertThat(heard.contents()).as("every sign republished").hasSize(signsA.size());
        assertThat(heard.contents()).as("both nodes publish the same contents on each sign")
                .allSatisfy((sign, c) -> assertThat(c).as(sign).hasSize(1));
        assertThat(heard.frames()).as("each sign published by both nodes (a single node sends 2-3 frames in 12 s)")
                .allSatisfy((sign, n) -> assertThat(n).as(sign).isGreaterThanOrEqualTo(4));
        assertThat(signsA).as("signs").isNotEmpty();
        assertThat(signsB).as("GET /api/v1/signs on B").isEqualTo(signsA);
        assertFresh(signsA);
    }

    /**
     * With node B down, node A alone answers guidance for every trip and republishes every sign, showing the
     * fresh states (no "—"). The readings of the second round are an hour old, so they do not replace those states.
     */
    private void guidanceAndSignsWithOneNodeDown() throws Exception {
        for (String trip : TRIPS) {
            String answer = guidance(a, trip);
            LOG.info("scale-out guidance with node B down {}: {}", trip, answer);
            assertThat(answer).as("guidance for %s on A with B down", trip).startsWith("200 heidelberg");
        }
        SignFrames heard = listenToSigns(Duration.ofSeconds(12));
        Map<String, String> signsA = signs(a);
        LOG.info("scale-out signs with node B down: frames per sign in 12 s {}", heard.frames());
        assertThat(heard.frames()).as("every sign republished by A alone (every 5 s)").hasSize(signsA.size())
                .allSatisfy((sign, n) -> assertThat(n).as(sign).isGreaterThanOrEqualTo(2));
        assertThat(heard.contents()).as("one content per sign").allSatisfy((sign, c) -> assertThat(c).as(sign).hasSize(1));
        assertFresh(signsA);
    }

    private static void assertFresh(Map<String, String> signs) {
        for (String content : signs.values()) {
            for (Object o : new JsonArray(content)) {
                JsonObject line = (JsonObject) o;
                if (line.getString("facility") != null) {
                    assertThat(line.getString("text")).as("sign line %s shows fresh data", line).doesNotContain("—");
                }
            }
        }
    }

    /** Sign id to the contents heard and the number of frames. */
    private record SignFrames(Map<String, Set<String>> contents, Map<String, Integer> frames) {
    }

    /** Listens to the sign topics for {@code d}, after dropping the retained frames (they may be older). */
    private SignFrames listenToSigns(Duration d) throws Exception {
        Map<String, Set<String>> contents = new TreeMap<>();
        Map<String, Integer> frames = new TreeMap<>();
        MqttClient listener = gateway();
        listener.subscribe(topics.signFilter(), 1, (topic, msg) -> {
            synchronized (contents) {
                JsonObject frame = new JsonObject(new String(msg.getPayload(), StandardCharsets.UTF_8));
                contents.computeIfAbsent(frame.getString("sign"), x -> new TreeSet<>()).add(signContent(frame.getJsonArray("lines")));
                frames.merge(frame.getString("sign"), 1, Integer::sum);
            }
        });
        Thread.sleep(1_000);
        synchronized (contents) {
            contents.clear();
            frames.clear();
        }
        Thread.sleep(d.toMillis());
        listener.disconnect();
        listener.close();
        synchronized (contents) {
            return new SignFrames(new TreeMap<>(contents), new TreeMap<>(frames));
        }
    }

    private static boolean allAt(Map<String, String> state, Instant ts) {
        return state.values().stream().allMatch(v -> v.endsWith(ts.toString()));
    }

    /**
     * "status recommended: facility:driveSeconds:walkSeconds:availability:forecastSource ..." of a guidance answer
     * (no timestamps, request ids or route lines; predictedFree counts the one recommendation B's answer sees more).
     */
    private static String guidance(Node n, String query) throws Exception {
        HttpResponse<String> r = get(n, "/api/v1/guidance?" + query);
        if (r.statusCode() != 200) {
            return r.statusCode() + " " + new JsonObject(r.body()).getString("type");
        }
        JsonObject answer = new JsonObject(r.body());
        StringBuilder out = new StringBuilder("200 ").append(answer.getString("recommended")).append(':');
        for (Object o : answer.getJsonArray("results")) {
            JsonObject res = (JsonObject) o;
            out.append(' ').append(res.getJsonObject("facility").getString("id")).append(':').append(Math.round(res.getDouble("driveSeconds")))
                    .append(':').append(Math.round(res.getDouble("walkSeconds"))).append(':').append(res.getString("availability"))
                    .append(':').append(res.getString("forecastSource"));
        }
        return out.toString();
    }

    private void awaitSamePending() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && metricSum(a, "parkleit_guidance_pending") != metricSum(b, "parkleit_guidance_pending")) {
            Thread.sleep(50);
        }
    }

    /** Sign id to its lines (facility, text, arrow) from GET /api/v1/signs. */
    private static Map<String, String> signs(Node n) throws Exception {
        HttpResponse<String> r = get(n, "/api/v1/signs");
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, String> out = new TreeMap<>();
        for (Object o : new JsonArray(r.body())) {
            JsonObject s = (JsonObject) o;
            JsonArray lines = new JsonArray();
            for (Object l : s.getJsonArray("lines")) {
                JsonObject line = (JsonObject) l;
                lines.add(new JsonObject().put("facility", line.getString("facility")).put("text", line.getString("text"))
                        .put("arrow", line.getString("arrow")));
            }
            out.put(s.getString("id"), lines.encode());
        }
        return out;
    }

    /** The lines of a sign frame without its timestamps: facility, text, display, state, free and arrow of each. */
    private static String signContent(JsonArray lines) {
        StringBuilder out = new StringBuilder();
        for (Object o : lines) {
            JsonObject l = (JsonObject) o;
            out.append(l.getString("facility")).append('|').append(l.getString("text")).append('|').append(l.getValue("display"))
                    .append('|').append(l.getString("state")).append('|').append(l.getValue("free")).append('|').append(l.getString("arrow")).append("; ");
        }
        return out.toString();
    }

    private static HttpResponse<String> get(Node n, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.httpPort() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double metricSum(Node n, String name) throws Exception {
        double sum = 0;
        for (String line : get(n, "/metrics").body().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private MqttClient gateway() throws Exception {
        MqttClient c = new MqttClient(brokerUrl, "scale-gw-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(1000);
        if (user != null) {
            o.setUserName(user);
            o.setPassword(password.toCharArray());
        }
        c.connect(o);
        return c;
    }

    private void publish(MqttClient gw, String facility, int i) throws Exception {
        Instant ts = base.plusSeconds(i);
        int free = (i * 7 + facility.length()) % 50;
        gw.publish(topics.occupancy(facility), ReadingCodec.encode(new OccupancyReading(facility, ts, free, null, null)), 1, false);
    }

    private void awaitAccepted(int n, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (accepted(a) + (b == null ? 0 : accepted(b)) < n && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private void awaitStored(int n, Duration within) throws Exception {
        assertThat(awaitStoredOrTimeout(n, within)).as("%s readings stored within %s", n, within).isTrue();
    }

    private boolean awaitStoredOrTimeout(int n, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (storedRows().values().stream().mapToLong(Long::longValue).sum() >= n) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private Map<String, Long> storedRows() {
        Map<String, Long> out = new TreeMap<>();
        for (String f : facilities) {
            out.put(f, a.store().countOccupancy(f, base, base.plusSeconds(3L * PER_FACILITY)));
        }
        return out;
    }

    private void awaitSameLiveState(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        Map<String, String> sa = Map.of();
        Map<String, String> sb = Map.of();
        while (System.nanoTime() < deadline) {
            sa = liveState(a);
            sb = liveState(b);
            if (sa.equals(sb) && sa.values().stream().allMatch(v -> v.endsWith(base.plusSeconds(PER_FACILITY - 1).toString()))) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(sb).as("node B serves the same live state as node A").isEqualTo(sa);
        assertThat(sa).as("every facility shows its last reading").allSatisfy((f, v) ->
                assertThat(v).endsWith(base.plusSeconds(PER_FACILITY - 1).toString()));
    }

    /** facility id to "free@updatedAt" from GET /api/v1/facilities. */
    private static Map<String, String> liveState(Node n) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.httpPort() + "/api/v1/facilities"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        Object parsed = io.vertx.core.json.Json.decodeValue(r.body());
        JsonArray arr = parsed instanceof JsonArray ja ? ja : ((JsonObject) parsed).getJsonArray("facilities");
        Map<String, String> out = new TreeMap<>();
        for (Object o : arr) {
            JsonObject f = (JsonObject) o;
            out.put(f.getString("id"), f.getValue("free") + "@" + f.getString("updatedAt"));
        }
        return out;
    }

    private static double accepted(Node n) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.httpPort() + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        double sum = 0;
        for (String line : r.body().split("\n")) {
            if (line.startsWith("parkleit_ingest_accepted_total")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
