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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
