package de.parkleit.bench.signbridge;

import de.parkleit.broker.EmbeddedBroker;
import de.parkleit.core.sign.Arrow;
import de.parkleit.core.sign.LineState;
import de.parkleit.core.sign.SignFrame;
import de.parkleit.core.sign.SignFrameCodec;
import de.parkleit.core.sign.SignLine;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.signbridge.SignBridgeConfig;
import de.parkleit.signbridge.Timings;
import de.parkleit.signbridge.service.SignBridgeVerticle;
import de.parkleit.simulator.signs.ControllerDisplay;
import de.parkleit.simulator.signs.http.SignControllerServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The sign bridge at {@code N} signs (default 1,000), all http-json on the simulator's simulated sign
 * controller, in one process with the embedded broker:
 * <ol>
 *   <li><b>frame → displayed</b>: a publisher (as guidance's sign board) publishes a new retained frame
 *       for every sign every {@code period} ms (default 5 s: 200 frames/s at 1,000 signs; above the bridge's
 *       1 s rate limit per sign, so no frame waits for it), QoS 1; latency from just before the publish to the moment the controller
 *       displays that frame (its listener); a warm-up of 5 s, then {@code seconds} measured;</li>
 *   <li><b>floors</b>, same run, same rate, same process: the bare HTTP PUT round trip of one frame to
 *       the simulated controller with the JDK HttpClient (what the http-json driver does per show), and
 *       one QoS 1 message through the broker to a subscriber (the hop before it);</li>
 *   <li><b>broker loss → safe text</b>: every sign shows a valid frame (10 min validity), the broker is
 *       stopped; per sign, the time until the controller displays the safe text ({@code —}), with the
 *       broker grace set to {@code grace} seconds.</li>
 * </ol>
 * The bridge and the floors alternate in 2 rounds, so machine load hits them alike.
 * Arguments: signs, seconds, grace seconds, period ms, report file.
 */
public final class SignBridgeBench {

    private static final long WARMUP_S = 5;

    private final int signs;
    private final long periodMs;
    private final Map<String, Long> published = new ConcurrentHashMap<>();
    private final Map<String, Long> safeAt = new ConcurrentHashMap<>();
    private volatile boolean safePhase;
    private final Samples frameToDisplay = new Samples();
    private final Floors floors;

    private SignBridgeBench(int signs, long periodMs) {
        this.signs = signs;
        this.periodMs = periodMs;
        this.floors = new Floors(signs);
    }

    public static void main(String[] args) throws Exception {
        int signs = Integer.parseInt(args[0]);
        long seconds = Long.parseLong(args[1]);
        Duration grace = Duration.ofSeconds(Long.parseLong(args[2]));
        long periodMs = Long.parseLong(args[3]);
        Path report = Path.of(args[4]);
        int code = 1;
        try {
            String out = new SignBridgeBench(signs, periodMs).run(seconds, grace);
            System.out.println(out);
            Files.createDirectories(report.getParent());
            Files.writeString(report, out);
            code = 0;
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            System.exit(code); // Vert.x and Paho threads would keep the JVM alive
        }
    }

    private static String id(int i) {
        return String.format("b%04d", i);
    }

    private String run(long seconds, Duration grace) throws Exception {
        String load0 = Floors.load();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path dir = Files.createTempDirectory("signbridge-bench");
        EmbeddedBroker broker = new EmbeddedBroker("127.0.0.1", port, null);
        broker.start();
        Vertx vertx = Vertx.vertx();
        ControllerDisplay display = new ControllerDisplay(Clock.systemUTC());
        display.onDisplay(this::onDisplay);
        SignControllerServer controller = new SignControllerServer(vertx, display, null);
        int cport = Floors.get(controller.start(0));
        StringBuilder geo = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < signs; i++) {
            geo.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[8.69,49.41]},"
                    + "\"properties\":{\"id\":\"").append(id(i)).append("\",\"heading\":90,\"driver\":\"http-json\",\"driverUrl\":"
                    + "\"http://127.0.0.1:").append(cport).append("/signs/{sign}\",\"driverTimeoutMs\":2000,\"driverRetries\":0}}");
        }
        Path signsFile = dir.resolve("signs.geojson");
        Files.writeString(signsFile, geo.append("]}").toString());
        Topics topics = new Topics("bench/parkleit/v1");
        Timings timings = new Timings(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(5), grace,
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(3));
        SignBridgeVerticle bridge = new SignBridgeVerticle(SignBridgeConfig.of(topics.root(), signsFile, timings),
                new MqttSettings(broker.url(), "bench-bridge", true, null, null), new SimpleMeterRegistry(), Clock.systemUTC(),
                Map.<String, String>of()::get);
        Floors.get(vertx.deployVerticle(bridge));

        MqttClient pub = Floors.client(broker.url(), "bench-pub");
        int perSecond = (int) (signs * 1000L / periodMs);
        Samples http = new Samples();
        Samples mqtt = new Samples();
        int[] seq = {0};
        publishFor(pub, topics, WARMUP_S, false, seq);
        floors.http(new Samples(), cport, perSecond, 2);
        Floors.mqtt(new Samples(), broker.url(), topics, perSecond, 2);
        floors.reset();
        for (int round = 0; round < 2; round++) {
            publishFor(pub, topics, seconds / 2, true, seq);
            Thread.sleep(2_000);
            floors.http(http, cport, perSecond, seconds / 4);
            Floors.mqtt(mqtt, broker.url(), topics, perSecond, seconds / 4);
        }
        int sent = sentMeasured;

        // broker loss: every sign shows a fresh valid frame, then the broker goes
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < signs; i++) {
            pub.publish(topics.sign(id(i)), SignFrameCodec.encode(Floors.frame(id(i), 7, ts, Duration.ofMinutes(10))), 1, true);
        }
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!allShow(display, ts) && System.nanoTime() < waitUntil) {
            Thread.sleep(50);
        }
        boolean allFresh = allShow(display, ts);
        pub.disconnectForcibly(0, 0, false);
        pub.close(true);
        safePhase = true;
        long lost = System.nanoTime();
        broker.close();
        long safeUntil = lost + grace.toNanos() + TimeUnit.SECONDS.toNanos(20);
        while (safeAt.size() < signs && System.nanoTime() < safeUntil) {
            Thread.sleep(20);
        }
        Samples toSafe = new Samples();
        safeAt.values().forEach(t -> toSafe.add((t - lost) / 1e6));
        String load1 = Floors.load();
        Floors.get(vertx.close());

        StringBuilder r = new StringBuilder();
        r.append("# Sign bridge bench\n\n");
        r.append(String.format("%d signs (http-json on the simulated controller), %d frames/s (a new frame per sign every %d ms), "
                + "%d s warm-up (bridge) + 2 s of each floor, then 2 rounds of %d s bridge + %d s HTTP floor + %d s broker floor at the same rate; broker grace %d s.%n%n",
                signs, perSecond, periodMs, WARMUP_S, seconds / 2, seconds / 4, seconds / 4, grace.toSeconds()));
        r.append("`uptime` load average at start: ").append(load0).append(", at end: ").append(load1).append("\n\n");
        r.append("| path | n | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n");
        r.append(frameToDisplay.row("frame published -> displayed on the simulated controller (bridge, http-json)"));
        r.append(floors.putToDisplay.row("floor: bare HTTP PUT sent -> displayed on the simulated controller (JDK HttpClient)"));
        r.append(http.row("floor: bare HTTP PUT round trip (sent -> answer read) to the simulated controller"));
        r.append(mqtt.row("floor: one QoS 1 message through the broker to a subscriber"));
        r.append(String.format("%nFrames published while measuring: %d; displayed: %d; never displayed (a newer frame of the sign "
                + "went first, or the show failed): %d. Floor PUTs that failed (2 s timeout): %d.%n%n", sent, frameToDisplay.size(),
                sent - frameToDisplay.size(), floors.httpFailed.get()));
        r.append("| broker loss -> safe text (`—`) on the controller, per sign | n | p50 ms | p95 ms | p99 ms | max ms |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        r.append(toSafe.row(String.format("broker stopped -> sign displays its safe text (grace %d ms)", grace.toMillis())));
        r.append(String.format("%nSigns on a fresh frame before the loss: %s; signs on the safe text after it: %d of %d "
                + "(the frames were valid 10 min, so every one within its validity).%n", allFresh ? "all" : "NOT ALL", safeAt.size(), signs));
        return r.toString();
    }

    private int sentMeasured;

    /** Publishes a new frame for every sign every period, for {@code seconds}. */
    private void publishFor(MqttClient pub, Topics topics, long seconds, boolean measure, int[] seq) throws Exception {
        long t0 = System.nanoTime();
        long periodNs = TimeUnit.MILLISECONDS.toNanos(periodMs) / signs;
        for (int n = 0; ; n++) {
            long due = t0 + n * periodNs;
            if (due - t0 >= TimeUnit.SECONDS.toNanos(seconds)) {
                break;
            }
            Floors.pace(due);
            int k = seq[0]++;
            String id = id(k % signs);
            Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            SignFrame f = Floors.frame(id, k / signs % 500, ts, Duration.ofMinutes(10));
            if (measure) {
                published.put(id + "/" + ts, System.nanoTime());
                sentMeasured++;
            }
            pub.publish(topics.sign(id), SignFrameCodec.encode(f), 1, true);
        }
    }

    private boolean allShow(ControllerDisplay d, Instant ts) {
        for (int i = 0; i < signs; i++) {
            if (d.displayed(id(i)).map(f -> !f.ts().equals(ts)).orElse(true)) {
                return false;
            }
        }
        return true;
    }

    private void onDisplay(String id, ControllerDisplay.Shown s) {
        long now = System.nanoTime();
        if (safePhase) {
            List<SignLine> l = s.frame().lines();
            if (!l.isEmpty() && l.stream().allMatch(x -> x.display().equals(SignLine.UNKNOWN_TEXT))) {
                safeAt.putIfAbsent(id, now);
            }
            return;
        }
        Long t = published.remove(id + "/" + s.frame().ts());
        if (t != null) {
            frameToDisplay.add((now - t) / 1e6);
        }
        floors.onDisplay(id, s.frame(), now);
    }

    /** Latencies in milliseconds. */
    static final class Samples {
        private final List<Double> v = java.util.Collections.synchronizedList(new ArrayList<>());

        void add(double ms) {
            v.add(ms);
        }

        int size() {
            return v.size();
        }

        void clear() {
            v.clear();
        }

        String row(String name) {
            double[] a;
            synchronized (v) {
                a = v.stream().mapToDouble(Double::doubleValue).toArray();
            }
            Arrays.sort(a);
            if (a.length == 0) {
                return "| " + name + " | 0 | | | | |\n";
            }
            return String.format("| %s | %,d | %.1f | %.1f | %.1f | %.1f |%n", name, a.length, p(a, 0.50), p(a, 0.95), p(a, 0.99), a[a.length - 1]);
        }

        private static double p(double[] a, double q) {
            return a[Math.min(a.length - 1, (int) Math.ceil(q * a.length) - 1)];
        }
    }
}
