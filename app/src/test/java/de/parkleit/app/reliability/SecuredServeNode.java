package de.parkleit.app.reliability;

import de.parkleit.app.Node;
import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.testing.TestHttp;
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
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The set-up the fault tests share: a private Mosquitto with the shipped secured config (user
 * {@code parkleit} with a random password), one whole {@code serve} node logged in as {@code parkleit}
 * on the default topic root, gateways publishing occupancy readings with timestamps from
 * {@link #base()} on (one reading per facility and second), and the row counts per facility.
 */
final class SecuredServeNode implements AutoCloseable {

    static final Topics TOPICS = new Topics("parkleit/v1");

    private final String name;
    private final Path dir;
    private final String password = "pl-" + UUID.randomUUID();
    private final SecuredMosquitto broker;
    private final Instant base;
    private Node node;
    private List<String> facilities;
    private TestHttp http;

    /** A test-only user that may read the broker's {@code $SYS} topics and nothing else (added to the test's copy of the ACL). */
    static final String SYS_READER = "sys-reader";

    private SecuredServeNode(String name, Duration baseAgo, boolean sysReader) throws Exception {
        this.name = name;
        dir = Files.createTempDirectory("parkleit-" + name + "-");
        Map<String, String> users = sysReader ? Map.of("parkleit", password, SYS_READER, password) : Map.of("parkleit", password);
        broker = SecuredMosquitto.start(dir.resolve("mosquitto"), users, TestCertificates.create(dir.resolve("tls")),
                sysReader ? "user " + SYS_READER + "\ntopic read $SYS/#\n" : "");
        base = Instant.now().minus(baseAgo).truncatedTo(ChronoUnit.SECONDS);
    }

    static boolean available() {
        return SecuredMosquitto.available() && TestCertificates.available();
    }

    /** Starts the broker; {@code baseAgo}: how far back the readings' timestamps start. Then {@link #startNode}. */
    static SecuredServeNode broker(String name, Duration baseAgo) throws Exception {
        return new SecuredServeNode(name, baseAgo, false);
    }

    /** As {@link #broker}, with the test-only {@link #SYS_READER} user for {@link #sysReader()}. */
    static SecuredServeNode brokerWithSysReader(String name, Duration baseAgo) throws Exception {
        return new SecuredServeNode(name, baseAgo, true);
    }

    /** A client logged in as {@link #SYS_READER} (only with {@link #brokerWithSysReader}). */
    MqttClient sysReader() throws Exception {
        MqttClient c = new MqttClient(broker.url(), name + "-sys-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        MqttConnectOptions o = gatewayOptions();
        o.setUserName(SYS_READER);
        c.connect(o);
        return c;
    }

    /**
     * Starts the node against {@code mqttUrl} (the broker, or a proxy in front of it); {@code tune}
     * may add variables (e.g. an external store).
     */
    SecuredServeNode startNode(String mqttUrl, Consumer<Map<String, String>> tune) throws Exception {
        Map<String, String> env = ReliabilityNodes.env(mqttUrl, TOPICS.root(), name + "-" + UUID.randomUUID().toString().substring(0, 6));
        env.put("PARKLEIT_MQTT_USERNAME", "parkleit");
        env.put("PARKLEIT_MQTT_PASSWORD", password);
        tune.accept(env);
        node = ReliabilityNodes.start(env);
        facilities = node.city().facilities().stream().map(f -> f.id()).sorted().toList();
        http = new TestHttp(node.httpPort());
        return this;
    }

    Path dir() {
        return dir;
    }

    SecuredMosquitto broker() {
        return broker;
    }

    Node node() {
        return node;
    }

    List<String> facilities() {
        return facilities;
    }

    Instant base() {
        return base;
    }

    HttpResponse<String> get(String path) {
        return http.get(path);
    }

    /** The readings' timestamp: step {@code i} (seconds after {@link #base()}). */
    Instant at(int i) {
        return base.plusSeconds(i);
    }

    byte[] reading(String facility, int i) {
        return ReadingCodec.encode(new OccupancyReading(facility, at(i), i % 40, null, null));
    }

    /** A blocking gateway: {@code publish} returns once the broker acknowledged (QoS 1). */
    MqttClient gateway() throws Exception {
        MqttClient c = new MqttClient(broker.url(), name + "-gw-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        c.connect(gatewayOptions());
        return c;
    }

    MqttAsyncClient asyncGateway() throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(broker.url(), name + "-gw-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence());
        c.connect(gatewayOptions()).waitForCompletion(10_000);
        return c;
    }

    private MqttConnectOptions gatewayOptions() {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(1000);
        o.setUserName("parkleit");
        o.setPassword(password.toCharArray());
        return o;
    }

    /** Rows per facility with timestamps in steps {@code [0, steps)}, read through the node's store. */
    Map<String, Long> rows(int steps) {
        Map<String, Long> out = new TreeMap<>();
        for (String f : facilities) {
            out.put(f, node.store().countOccupancy(f, base, at(steps)));
        }
        return out;
    }

    long stored(int steps) {
        return rows(steps).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Waits until at least {@code n} rows of steps {@code [0, steps)} are stored; returns the ms since {@code sinceNanos}. */
    long awaitStored(int steps, long n, long sinceNanos, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        long s = 0;
        while (System.nanoTime() < deadline) {
            if ((s = stored(steps)) >= n) {
                return (System.nanoTime() - sinceNanos) / 1_000_000;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("only " + s + " of " + n + " stored after " + atMost.toSeconds() + " s");
    }

    @Override
    public void close() throws Exception {
        if (node != null) {
            node.close();
        }
        broker.close();
    }
}
