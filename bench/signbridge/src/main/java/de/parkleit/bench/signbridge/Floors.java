package de.parkleit.bench.signbridge;

import de.parkleit.core.sign.Arrow;
import de.parkleit.core.sign.LineState;
import de.parkleit.core.sign.SignFrame;
import de.parkleit.core.sign.SignFrameCodec;
import de.parkleit.core.sign.SignLine;
import de.parkleit.core.topic.Topics;
import io.vertx.core.Future;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The floors both sign bridge benches measure next to their figure, in the same run: the bare HTTP PUT of one frame to
 * the simulated controller with the JDK HttpClient (what the http-json driver does per show), sent → displayed and
 * round trip, and one QoS 1 message through the broker to a subscriber. Feed {@link #onDisplay} from the controller's
 * display listener.
 */
final class Floors {

    private final int signs;
    /** Floor PUTs: when each was sent, by sign/ts. */
    private final Map<String, Long> floorSent = new ConcurrentHashMap<>();
    final SignBridgeBench.Samples putToDisplay = new SignBridgeBench.Samples();
    final AtomicInteger httpFailed = new AtomicInteger();
    /** One client for the run, as the bridge has one, warmed up with it. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

    Floors(int signs) {
        this.signs = signs;
    }

    /** After the warm-up: forget what it measured. */
    void reset() {
        putToDisplay.clear();
        httpFailed.set(0);
    }

    /** @return whether the frame was one of the floor's PUTs */
    boolean onDisplay(String id, SignFrame f, long now) {
        Long t = floorSent.remove(id + "/" + f.ts());
        if (t == null) {
            return false;
        }
        putToDisplay.add((now - t) / 1e6);
        return true;
    }

    static SignFrame frame(String id, int free, Instant ts, Duration validity) {
        return new SignFrame(id, "Bench " + id, 49.41, 8.69, 90,
                List.of(new SignLine("p1", "P1 Poststraße", LineState.FREE, free, Integer.toString(free), Arrow.LEFT),
                        new SignLine("p2", "P2 Kornmarkt", LineState.FREE, free + 1, Integer.toString(free + 1), Arrow.STRAIGHT),
                        new SignLine("p3", "P3 Bahnhof", LineState.FULL, null, SignLine.FULL_TEXT, Arrow.RIGHT)),
                ts, ts.plus(validity));
    }

    /** The http-json driver's request, bare: PUT one frame, read the echo, at {@code perSecond}. */
    void http(SignBridgeBench.Samples s, int cport, int perSecond, long seconds) throws Exception {
        long t0 = System.nanoTime();
        long periodNs = 1_000_000_000L / perSecond;
        long count = seconds * perSecond;
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            long due = t0 + n * periodNs;
            pace(due);
            String id = "floor" + (n % signs);
            // (a floor sign gets a new frame every `signs` requests, so its ts in millis is unique)
            SignFrame f = frame(id, n % 500, Instant.now().truncatedTo(ChronoUnit.MILLIS), Duration.ofMinutes(10));
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cport + "/signs/" + id)).timeout(Duration.ofSeconds(2))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofByteArray(SignFrameCodec.encode(f))).build();
            long start = System.nanoTime();
            floorSent.put(id + "/" + f.ts(), start);
            all.add(http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray()).thenAccept(r -> {
                SignFrameCodec.decode(id, r.body());
                s.add((System.nanoTime() - start) / 1e6);
            }).exceptionally(e -> {
                httpFailed.incrementAndGet();
                return null;
            }));
        }
        CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get(30, TimeUnit.SECONDS);
    }

    /** One QoS 1 message through the broker to a subscriber, at {@code perSecond}. */
    static void mqtt(SignBridgeBench.Samples s, String url, Topics topics, int perSecond, long seconds) throws Exception {
        Map<String, Long> sent = new ConcurrentHashMap<>();
        MqttClient sub = client(url, "bench-floor-sub");
        String topic = topics.root() + "/bench/echo";
        sub.subscribe(topic, 1, (t, m) -> {
            Long at = sent.remove(new String(m.getPayload()));
            if (at != null) {
                s.add((System.nanoTime() - at) / 1e6);
            }
        });
        MqttClient pub = client(url, "bench-floor-pub");
        long t0 = System.nanoTime();
        long periodNs = 1_000_000_000L / perSecond;
        long count = seconds * perSecond;
        for (int n = 0; n < count; n++) {
            pace(t0 + n * periodNs);
            String key = Integer.toString(n);
            sent.put(key, System.nanoTime());
            MqttMessage m = new MqttMessage(key.getBytes());
            m.setQos(1);
            pub.publish(topic, m);
        }
        Thread.sleep(2_000);
        pub.disconnect();
        sub.disconnect();
        pub.close();
        sub.close();
    }

    static MqttClient client(String url, String id) throws Exception {
        MqttClient c = new MqttClient(url, id, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(5_000);
        c.connect(o);
        return c;
    }

    static void pace(long due) throws InterruptedException {
        long wait = due - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "n/a";
        }
    }

    static <T> T get(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
