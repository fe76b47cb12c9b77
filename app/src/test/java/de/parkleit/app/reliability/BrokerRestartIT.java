package de.parkleit.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.parkleit.app.Node;
import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.topic.Topics;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole node (default settings: plain subscription, persistent session) against a private Mosquitto
 * 2.0.11 with the shipped {@code deploy/mosquitto} config, restarted in the middle of 20,000 QoS 1
 * readings from a gateway with a persistent session (100 in flight): once with SIGTERM, once with SIGKILL
 * after an autosave. Every reading must be stored exactly once (the ones published after the restart and,
 * with these settings, the ones queued at it), and the live state, the retained state topic, the
 * {@code /api/v1/live} push and the signs must keep updating after it. Issue 21: before the fix the
 * default shared subscription dropped every reading published until ingest had reconnected.
 */
class BrokerRestartIT {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerRestartIT.class);
    static final int READINGS = 20_000;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SecuredMosquitto broker;
    Node node;
    Topics topics = new Topics("parkleit/v1");
    String password = "pl-" + UUID.randomUUID();
    List<String> facilities;
    Instant base;

    @BeforeEach
    void start() throws Exception {
        Path dir = Files.createTempDirectory("parkleit-restart-");
        broker = SecuredMosquitto.start(dir.resolve("mosquitto"), Map.of("parkleit", password), TestCertificates.create(dir.resolve("tls")));
        Map<String, String> env = ReliabilityNodes.env(broker.url(), topics.root(), "restart-" + UUID.randomUUID().toString().substring(0, 6));
        env.put("PARKLEIT_MQTT_USERNAME", "parkleit");
        env.put("PARKLEIT_MQTT_PASSWORD", password);
        env.put("PARKLEIT_SIGN_VALIDITY", "10s"); // signs republished every 5 s
        node = ReliabilityNodes.start(env);
        facilities = node.city().facilities().stream().map(f -> f.id()).sorted().toList();
        base = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {node, broker}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void sigtermMidStreamLosesAndDoublesNothingAndEverythingKeepsUpdating() throws Exception {
        restartMidStream(false);
    }

    @Test
    void sigkillAfterAnAutosaveMidStreamLosesAndDoublesNothingAndEverythingKeepsUpdating() throws Exception {
        restartMidStream(true);
    }

    private void restartMidStream(boolean kill) throws Exception {
        Gateway gw = new Gateway(READINGS / 2);
        Thread t = new Thread(gw, "gateway");
        t.start();
        assertThat(gw.paused.await(60, TimeUnit.SECONDS)).as("first half published").isTrue();
        double unacked = metric("parkleit_mqtt_unacked_messages");
        long storedBefore = stored();
        if (kill) {
            Thread.sleep(1_500); // one autosave_interval (1 s) and a margin: what SIGKILL keeps is the last save
        }
        long stop = System.nanoTime();
        broker.stop(kill);
        broker.restart();
        long up = System.nanoTime();
        LOG.info("broker-restart: {} after {} readings; {} stored, {} unacknowledged at ingest at the stop; broker back after {} ms",
                kill ? "SIGKILL" : "SIGTERM", READINGS / 2, storedBefore, unacked, (up - stop) / 1_000_000);
        gw.resume.countDown();
        t.join(120_000);
        assertThat(gw.failure.get()).isNull();
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250)).until(() -> stored() >= READINGS);
        long allStored = System.nanoTime();
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        for (String f : facilities) {
            assertThat(node.store().countOccupancy(f, base, base.plusSeconds(READINGS)))
                    .as("rows of %s: exactly once", f).isEqualTo(READINGS / facilities.size());
        }
        LOG.info("recovery: broker {} mid-stream: {} of {} readings stored exactly once {} ms after the broker was back",
                kill ? "SIGKILLed" : "SIGTERMed", stored(), READINGS, (allStored - up) / 1_000_000);

        assertThat(get("/health/ready").statusCode()).as("/health/ready after the restart").isEqualTo(200);
        assertThat(metric("parkleit_mqtt_reconnects_total")).as("reconnects counted").isPositive();
        assertThat(metric("parkleit_mqtt_resubscribes_total")).as("re-subscribes counted").isGreaterThanOrEqualTo(4);
        assertThat(metric("parkleit_mqtt_subscribed")).as("every connection confirmed subscribed")
                .isEqualTo(metricCount("parkleit_mqtt_subscribed"));
        keepsUpdating();
    }

    /** A fresh reading after the restart reaches the retained state topic, the live push, the facilities API and the signs keep coming. */
    private void keepsUpdating() throws Exception {
        String f = facilities.get(0);
        int free = 7;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CompletableFuture<String> pushed = new CompletableFuture<>();
        InputStream sse = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/api/v1/live")).build(),
                HttpResponse.BodyHandlers.ofInputStream()).body();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(sse, StandardCharsets.UTF_8))) {
                String event = null;
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:") && "state".equals(event) && line.contains(f) && line.contains(now.toString())) {
                        pushed.complete(line);
                        return;
                    }
                }
            } catch (Exception e) {
                pushed.completeExceptionally(e);
            }
        }, "sse");
        reader.setDaemon(true);
        reader.start();
        MqttClient c = client("restart-check-" + UUID.randomUUID().toString().substring(0, 6));
        AtomicReference<String> retained = new AtomicReference<>();
        AtomicInteger signFrames = new AtomicInteger();
        c.subscribe(topics.facilityState(f), 1, (topic, m) -> retained.set(new String(m.getPayload(), StandardCharsets.UTF_8)));
        c.subscribe(topics.signFilter(), 0, (topic, m) -> {
            if (!m.isRetained()) {
                signFrames.incrementAndGet();
            }
        });
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true); // SSE connected
        c.publish(topics.occupancy(f), ReadingCodec.encode(new OccupancyReading(f, now, free, null, null)), 1, false);
        await().atMost(Duration.ofSeconds(10)).until(() -> retained.get() != null && retained.get().contains(now.toString()));
        assertThat(new JsonObject(retained.get()).getInteger("free")).as("retained state after the restart").isEqualTo(free);
        assertThat(pushed.get(10, TimeUnit.SECONDS)).as("/api/v1/live state push after the restart").contains("\"free\":" + free);
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/facilities/" + f).body().contains(now.toString()));
        await().atMost(Duration.ofSeconds(12)).until(() -> signFrames.get() > 0);
        c.disconnect();
        c.close();
        sse.close();
    }

    private long stored() {
        long n = 0;
        for (String f : facilities) {
            n += node.store().countOccupancy(f, base, base.plusSeconds(READINGS));
        }
        return n;
    }

    private MqttClient client(String id) throws MqttException {
        MqttClient c = new MqttClient(broker.url(), id, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName("parkleit");
        o.setPassword(password.toCharArray());
        c.connect(o);
        return c;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sum of a metric's series in /metrics. */
    private double metric(String name) throws Exception {
        double sum = 0;
        for (String line : get("/metrics").body().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private double metricCount(String name) throws Exception {
        return get("/metrics").body().lines().filter(l -> l.startsWith(name + "{")).count();
    }

    /**
     * Publishes {@link #READINGS} QoS 1 readings (reading i: facility i mod n, base + i/n seconds) on a persistent session
     * with 100 in flight, retrying whatever the client refuses while the broker is away; pauses after {@code pauseAt}
     * until {@link #resume}.
     */
    private final class Gateway implements Runnable {
        final int pauseAt;
        final CountDownLatch paused = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final AtomicInteger acked = new AtomicInteger();

        Gateway(int pauseAt) {
            this.pauseAt = pauseAt;
        }

        @Override
        public void run() {
            try {
                MqttAsyncClient c = new MqttAsyncClient(broker.url(), "restart-gw-" + UUID.randomUUID().toString().substring(0, 6),
                        new MemoryPersistence());
                MqttConnectOptions o = new MqttConnectOptions();
                o.setCleanSession(false);
                o.setMaxInflight(100);
                o.setAutomaticReconnect(true);
                o.setMaxReconnectDelay(1_000);
                o.setUserName("parkleit");
                o.setPassword(password.toCharArray());
                c.connect(o).waitForCompletion(10_000);
                int n = facilities.size();
                for (int i = 0; i < READINGS; i++) {
                    if (i == pauseAt) {
                        await().atMost(Duration.ofSeconds(30)).until(() -> acked.get() == pauseAt);
                        paused.countDown();
                        resume.await();
                    }
                    String f = facilities.get(i % n);
                    byte[] p = ReadingCodec.encode(new OccupancyReading(f, base.plusSeconds(i / n), (i * 7) % 50, null, null));
                    while (true) {
                        try {
                            c.publish(topics.occupancy(f), p, 1, false, null, new IMqttActionListener() {
                                @Override
                                public void onSuccess(IMqttToken token) {
                                    acked.incrementAndGet();
                                }

                                @Override
                                public void onFailure(IMqttToken token, Throwable e) {
                                    // in flight at the loss: Paho resends it on the persistent session
                                }
                            });
                            break;
                        } catch (MqttException e) {
                            Thread.sleep(20); // not connected or too many in flight
                        }
                    }
                }
                c.disconnect().waitForCompletion(10_000);
                c.close();
            } catch (Throwable e) {
                failure.set(e);
                paused.countDown();
            }
        }
    }
}
