package de.parkleit.signbridge.service;

import de.parkleit.core.sign.SignAck;
import de.parkleit.core.sign.SignAckCodec;
import de.parkleit.core.sign.SignFrame;
import de.parkleit.core.sign.SignFrameCodec;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.signbridge.SignBridgeConfig;
import de.parkleit.signbridge.Timings;
import de.parkleit.simulator.signs.ControllerDisplay;
import de.parkleit.simulator.signs.http.SignControllerServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A running sign bridge for the tests: the simulated controller on a free port, a signs.geojson
 * naming it, the verticle on a broker, and a Paho client that publishes frames (as guidance does)
 * and collects the acks.
 */
final class BridgeFixture implements AutoCloseable {

    /** Short clocks so the fault tests are quick: 1 s between shows, safe 1 s before expiry, frames stale after 1 min,
     *  1 s broker grace, retry after 1 s, 500 ms settle, alert after 3 s without a good ack. */
    static final Timings FAST = new Timings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1),
            Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(3));

    final Vertx vertx = Vertx.vertx();
    final ControllerDisplay display = new ControllerDisplay(Clock.systemUTC());
    final SignControllerServer controller = new SignControllerServer(vertx, display, "tok");
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final Topics topics = new Topics("test-" + UUID.randomUUID().toString().substring(0, 8) + "/parkleit/v1");
    final Map<String, List<SignAck>> acks = new ConcurrentHashMap<>();
    /** Every change of a sign's display on the simulated controller, in order. */
    final List<Map.Entry<String, ControllerDisplay.Shown>> shows = new CopyOnWriteArrayList<>();
    final MqttClient client;
    SignBridgeVerticle bridge;

    BridgeFixture(String brokerUrl, Path dir, int downPort) throws Exception {
        display.onDisplay((id, shown) -> shows.add(Map.entry(id, shown)));
        int port = get(controller.start(0));
        Path signs = dir.resolve("signs.geojson");
        Files.writeString(signs, "{\"type\":\"FeatureCollection\",\"features\":["
                + feature("s-http", ",\"driver\":\"http-json\",\"driverUrl\":\"http://127.0.0.1:" + port + "/signs/{sign}\","
                        + "\"driverAuthEnv\":\"CONTROLLER_AUTH\",\"driverTimeoutMs\":1000,\"driverRetries\":0") + ","
                + feature("s-down", ",\"driver\":\"http-json\",\"driverUrl\":\"http://127.0.0.1:" + downPort + "/signs/{sign}\","
                        + "\"driverTimeoutMs\":500,\"driverRetries\":0") + ","
                + feature("s-log", "") + "]}");
        client = new MqttClient(brokerUrl, "bridge-test-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setAutomaticReconnect(true);
        o.setCleanSession(true);
        client.connect(o);
        subscribeAcks();
        bridge = new SignBridgeVerticle(SignBridgeConfig.of(topics.root(), signs, FAST),
                new MqttSettings(brokerUrl, "bridge-" + UUID.randomUUID(), true, null, null), registry, Clock.systemUTC(),
                Map.of("CONTROLLER_AUTH", "Bearer tok")::get);
        get(vertx.deployVerticle(bridge));
    }

    /** (Again, after a reconnect: a clean session forgets its subscriptions.) */
    void subscribeAcks() throws Exception {
        client.subscribe(topics.signAckFilter(), 1, (topic, m) -> {
            if (m.getPayload().length == 0) {
                return;
            }
            String id = topics.match(topic).orElseThrow().id();
            acks.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(SignAckCodec.decode(id, m.getPayload()));
        });
    }

    private static String feature(String id, String props) {
        return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[8.69,49.41]},"
                + "\"properties\":{\"id\":\"" + id + "\",\"name\":\"Sign " + id + "\",\"heading\":90" + props + "}}";
    }

    void publish(SignFrame f) throws Exception {
        client.publish(topics.sign(f.signId()), SignFrameCodec.encode(f), 1, true);
    }

    SignAck lastAck(String sign) {
        List<SignAck> l = acks.get(sign);
        return l == null || l.isEmpty() ? null : l.get(l.size() - 1);
    }

    double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    static <T> T get(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (client.isConnected()) {
            client.unsubscribe(topics.signAckFilter());
        }
        for (String s : List.of("s-http", "s-down", "s-log")) {
            if (client.isConnected()) {
                client.publish(topics.sign(s), new byte[0], 1, true);
                client.publish(topics.signAck(s), new byte[0], 1, true);
            }
        }
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
        get(vertx.close());
    }
}
