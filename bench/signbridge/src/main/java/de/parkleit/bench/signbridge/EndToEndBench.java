package de.parkleit.bench.signbridge;

import de.parkleit.broker.EmbeddedBroker;
import de.parkleit.core.city.City;
import de.parkleit.core.facility.Facility;
import de.parkleit.core.sign.SignFrame;
import de.parkleit.core.sign.SignLine;
import de.parkleit.core.topic.Topics;
import de.parkleit.guidance.GuidanceConfig;
import de.parkleit.guidance.service.GuidanceVerticle;
import de.parkleit.guidance.signs.Sign;
import de.parkleit.guidance.signs.SignRoutes;
import de.parkleit.guidance.signs.SignsConfig;
import de.parkleit.ingest.IngestConfig;
import de.parkleit.ingest.IngestVerticle;
import de.parkleit.platform.city.CityLoader;
import de.parkleit.platform.config.Env;
import de.parkleit.platform.metrics.Health;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.platform.testing.DiscardingStore;
import de.parkleit.prediction.forecast.ForecastConfig;
import de.parkleit.routing.graph.RoadGraph;
import de.parkleit.routing.network.RoadNetwork;
import de.parkleit.signbridge.SignBridgeConfig;
import de.parkleit.signbridge.Timings;
import de.parkleit.signbridge.service.SignBridgeVerticle;
import de.parkleit.simulator.signs.ControllerDisplay;
import de.parkleit.simulator.signs.http.SignControllerServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * Reading → displayed, end to end in one process with the embedded broker: a gateway publishes occupancy readings on
 * {@code {root}/parking/{facility}/occupancy} (QoS 1, docs/mqtt.md); the real {@link IngestVerticle} turns them into
 * retained facility states, the real {@link GuidanceVerticle} decides the signs and publishes their frames (its
 * {@code SignPublisher}, 1 s minimum interval per sign), the real {@link SignBridgeVerticle} drives every sign over
 * http-json to the simulator's {@link SignControllerServer}; latency from just before the reading's publish to the
 * moment the controller displays a frame whose line for that facility shows the reading's free count. Every
 * component runs with its production defaults (ingest state interval 250 ms, sign and bridge minimum interval 1 s,
 * thresholds 85/80/95/90 %), except the stores (discarded) and the forecast (live trend).
 * <p>
 * The city: the demo city's facilities and roads ({@code cities/heidelberg}), the facilities of at least 60 spaces;
 * {@code signs} generated signs (default 1,000) on seeded random road edges of the city, each showing {@code lines}
 * facilities (count display) spread evenly so every facility is on as many signs. The readings go round the facilities,
 * one every {@code cycle / facilities}, so each facility gets a new count every {@code cycle} ms (default 6 s) and
 * each sign a change about every {@code cycle / lines} (its facilities are spread evenly over the cycle): above both
 * minimum intervals, so no change waits for a rate limit. Each reading of a facility changes its free count by about a
 * third of its capacity and stays below 75 % occupancy, so no threshold's hysteresis holds a count back.
 * <p>
 * In the same run, alternating with the end-to-end phases in 2 rounds, the floors at the same frame rate: the bare HTTP
 * PUT to the controller (sent → displayed, round trip) and one QoS 1 message through the broker ({@link Floors}).
 * Arguments: city folder, signs, lines per sign, cycle ms, seconds measured, report file.
 */
public final class EndToEndBench {

    private static final long WARMUP_S = 8;
    private static final int MIN_CAPACITY = 60;

    /** One reading: when it was published, which signs show its facility, and which of them displayed it. */
    private static final class Reading {
        final long published;
        final int expected;
        final Set<String> seen = ConcurrentHashMap.newKeySet();
        volatile long first;
        volatile long last;

        Reading(long published, int expected) {
            this.published = published;
            this.expected = expected;
        }
    }

    private final int signs;
    private final int lines;
    private final long cycleMs;
    private final Floors floors;
    private final Map<String, Reading> pending = new ConcurrentHashMap<>();
    private final List<Reading> measured = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile boolean measuring;
    private final SignBridgeBench.Samples perSign = new SignBridgeBench.Samples();
    /** Per-sign samples whose sign showed a republished frame (same lines, new validity) from 1 s before the reading on. */
    private final SignBridgeBench.Samples afterRepublish = new SignBridgeBench.Samples();
    private final SignBridgeBench.Samples clear = new SignBridgeBench.Samples();
    /** What each sign last displayed, and when it last displayed the same lines again (guidance's republish). */
    private final Map<String, List<SignLine>> lastLines = new ConcurrentHashMap<>();
    private final Map<String, Long> republishedAt = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger republishShows = new java.util.concurrent.atomic.AtomicInteger();

    private EndToEndBench(int signs, int lines, long cycleMs) {
        this.signs = signs;
        this.lines = lines;
        this.cycleMs = cycleMs;
        this.floors = new Floors(signs);
    }

    public static void main(String[] args) throws Exception {
        Path cityFolder = Path.of(args[0]);
        int signs = Integer.parseInt(args[1]);
        int lines = Integer.parseInt(args[2]);
        long cycleMs = Long.parseLong(args[3]);
        long seconds = Long.parseLong(args[4]);
        Path report = Path.of(args[5]);
        int code = 1;
        try {
            String out = new EndToEndBench(signs, lines, cycleMs).run(cityFolder, seconds);
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

    private String run(Path cityFolder, long seconds) throws Exception {
        String load0 = Floors.load();
        long boot = System.nanoTime();
        City city = CityLoader.load(cityFolder, "city");
        List<Facility> shown = city.facilities().stream().filter(f -> f.capacity() >= MIN_CAPACITY).toList();
        if (shown.size() < lines) {
            throw new IllegalStateException("the city has " + shown.size() + " facilities of at least " + MIN_CAPACITY + " spaces, "
                    + lines + " lines per sign need more");
        }
        RoadNetwork network = RoadNetwork.load(city.roadNetwork());
        EmbeddedBroker broker = new EmbeddedBroker("127.0.0.1", freePort(), null);
        broker.start();
        Vertx vertx = Vertx.vertx();
        ControllerDisplay display = new ControllerDisplay(Clock.systemUTC());
        display.onDisplay(this::onDisplay);
        // the controller is another device: its own Vert.x (event loops), not the one of ingest, guidance and the bridge
        Vertx controllerVertx = Vertx.vertx();
        int cport = Floors.get(new SignControllerServer(controllerVertx, display, null).start(0));
        Path dir = Files.createTempDirectory("signbridge-e2e");
        Path signsFile = dir.resolve("signs.geojson");
        Map<String, Integer> signsPerFacility = writeSigns(signsFile, network, shown, cport);

        Topics topics = new Topics("bench-e2e/parkleit/v1");
        Env env = new Env(Map.of("PARKLEIT_TOPIC_ROOT", topics.root(), "PARKLEIT_INSTANCE_ID", "bench-e2e",
                "PARKLEIT_SIGNS_FILE", signsFile.toString()));
        IngestConfig ingestConfig = IngestConfig.fromEnv(env, dir.resolve("data"));
        SignsConfig signsConfig = SignsConfig.fromEnv(env, cityFolder);
        WorkerExecutor pool = vertx.createSharedWorkerExecutor("parkleit-routing", 2);
        DiscardingStore store = new DiscardingStore();
        Floors.get(vertx.deployVerticle(new SignBridgeVerticle(SignBridgeConfig.of(topics.root(), signsFile, Timings.defaults()),
                new MqttSettings(broker.url(), "bench-e2e-bridge", true, null, null), new SimpleMeterRegistry(), Clock.systemUTC(),
                Map.<String, String>of()::get)));
        Floors.get(vertx.deployVerticle(new IngestVerticle(ingestConfig, new MqttSettings(broker.url(), "bench-e2e-ingest", true, null, null),
                city, store, new SimpleMeterRegistry(), new Health())));
        Floors.get(vertx.deployVerticle(new GuidanceVerticle(GuidanceConfig.fromEnv(env), ForecastConfig.trendOnly(ZoneId.of("Europe/Berlin")),
                signsConfig, new MqttSettings(broker.url(), "bench-e2e-guidance", true, null, null), city, network, null, store, pool,
                new SimpleMeterRegistry(), new Health(), Clock.systemUTC())));
        double bootS = (System.nanoTime() - boot) / 1e9;

        MqttClient gateway = Floors.client(broker.url(), "bench-e2e-gateway");
        int perCycle = shown.size();
        long slotNs = TimeUnit.MILLISECONDS.toNanos(cycleMs) / perCycle;
        int framesPerSecond = (int) Math.round(signs * (double) lines * 1000 / cycleMs);
        int[] seq = {0};
        // warm-up: every facility gets counts, every sign its numbers and arrows, the floors their connections
        readFor(gateway, topics, shown, signsPerFacility, slotNs, WARMUP_S, seq);
        floors.http(new SignBridgeBench.Samples(), cport, framesPerSecond, 2);
        Floors.mqtt(new SignBridgeBench.Samples(), broker.url(), topics, framesPerSecond, 2);
        floors.reset();
        Thread.sleep(1_000);

        SignBridgeBench.Samples http = new SignBridgeBench.Samples();
        SignBridgeBench.Samples mqtt = new SignBridgeBench.Samples();
        for (int round = 0; round < 2; round++) {
            measuring = true;
            readFor(gateway, topics, shown, signsPerFacility, slotNs, seconds / 2, seq);
            measuring = false;
            Thread.sleep(3_000); // the last readings' frames reach the controller
            floors.http(http, cport, framesPerSecond, seconds / 8);
            Floors.mqtt(mqtt, broker.url(), topics, framesPerSecond, seconds / 8);
        }
        Thread.sleep(1_000);
        String load1 = Floors.load();
        gateway.disconnect();
        gateway.close();
        Floors.get(vertx.close());
        Floors.get(controllerVertx.close());
        broker.close();
        return report(seconds, shown.size(), framesPerSecond, bootS, http, mqtt, load0, load1);
    }

    /** Publishes one reading per slot, round the facilities, for {@code seconds}. */
    private void readFor(MqttClient gateway, Topics topics, List<Facility> shown, Map<String, Integer> signsPerFacility, long slotNs,
                         long seconds, int[] seq) throws Exception {
        long t0 = System.nanoTime();
        for (int n = 0; ; n++) {
            long due = t0 + n * slotNs;
            if (due - t0 >= TimeUnit.SECONDS.toNanos(seconds)) {
                return;
            }
            Floors.pace(due);
            int k = seq[0]++;
            Facility f = shown.get(k % shown.size());
            int free = free(f.capacity(), k / shown.size());
            String payload = "{\"ts\":\"" + Instant.now() + "\",\"free\":" + free + "}";
            long at = System.nanoTime();
            if (measuring) {
                Reading r = new Reading(at, signsPerFacility.get(f.id()));
                pending.put(f.id() + "/" + free, r);
                measured.add(r);
            }
            MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
            m.setQos(1);
            gateway.publish(topics.occupancy(f.id()), m);
        }
    }

    /**
     * The {@code n}-th count of a facility: alternately about 25 % and 60 % of its capacity free (a step of a third of it;
     * occupancy at most 75 %, below every threshold), plus {@code n/2 mod 20}, so a count comes back only after 40 readings.
     */
    static int free(int capacity, int n) {
        return capacity / 4 + (n % 2 == 0 ? 0 : capacity * 35 / 100) + (n / 2) % 20;
    }

    private void onDisplay(String id, ControllerDisplay.Shown s) {
        long now = System.nanoTime();
        SignFrame f = s.frame();
        if (floors.onDisplay(id, f, now)) {
            return;
        }
        if (f.lines().equals(lastLines.put(id, f.lines()))) {
            republishedAt.put(id, now);
            if (measuring) {
                republishShows.incrementAndGet();
            }
        }
        for (SignLine l : f.lines()) {
            if (l.free() == null) {
                continue;
            }
            String key = l.facilityId() + "/" + l.free();
            Reading r = pending.get(key);
            if (r != null && r.seen.add(id)) {
                double ms = (now - r.published) / 1e6;
                perSign.add(ms);
                Long rep = republishedAt.get(id);
                (rep != null && rep > r.published - 1_000_000_000L ? afterRepublish : clear).add(ms);
                if (r.first == 0) {
                    r.first = now;
                }
                r.last = now;
                if (r.seen.size() >= r.expected) {
                    pending.remove(key, r);
                }
            }
        }
    }

    /**
     * Writes {@code signs} signs: each a third along a seeded random road edge of the city's network, facing along it
     * (a candidate guidance's own {@link SignRoutes#place} refuses is drawn again), {@code lines} facilities each (sign {@code k} shows facility {@code k mod n} and the ones spread evenly round the
     * list from it), driver http-json on the controller. Returns the signs per facility.
     */
    private Map<String, Integer> writeSigns(Path file, RoadNetwork network, List<Facility> shown, int cport) throws Exception {
        RoadGraph g = network.graph();
        SignRoutes routes = new SignRoutes(network);
        Random random = new Random(19);
        Map<String, Integer> per = new HashMap<>();
        int n = shown.size();
        StringBuilder geo = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int k = 0; k < signs; k++) {
            List<String> fids = new ArrayList<>();
            for (int j = 0; j < lines; j++) {
                fids.add(shown.get((k + j * n / lines) % n).id());
            }
            double lat;
            double lon;
            int heading;
            while (true) {
                int e = random.nextInt(g.edgeCount());
                int from = g.tail(e);
                int to = g.head(e);
                // a third along the edge's chord, as written to the file (a junction would leave the direction open)
                lat = Math.round((g.lat(from) * 2 + g.lat(to)) / 3 * 1e6) / 1e6;
                lon = Math.round((g.lon(from) * 2 + g.lon(to)) / 3 * 1e6) / 1e6;
                heading = bearing(g.lat(from), g.lon(from), g.lat(to), g.lon(to));
                try {
                    routes.place(new Sign(String.format("e%04d", k), "x", lat, lon, heading, fids, Sign.Display.COUNT));
                    break;
                } catch (IllegalArgumentException notThere) {
                    // another edge
                }
            }
            StringBuilder fac = new StringBuilder();
            for (String fid : fids) {
                per.merge(fid, 1, Integer::sum);
                fac.append(fac.length() == 0 ? "" : ",").append('"').append(fid).append('"');
            }
            geo.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.6f,%.6f]},\"properties\":{"
                            + "\"id\":\"e%04d\",\"name\":\"Bench sign %d\",\"heading\":%d,\"facilities\":[%s],\"display\":\"count\","
                            + "\"driver\":\"http-json\",\"driverUrl\":\"http://127.0.0.1:%d/signs/{sign}\",\"driverTimeoutMs\":2000,"
                            + "\"driverRetries\":0}}",
                    lon, lat, k, k, heading, fac, cport));
        }
        Files.writeString(file, geo.append("]}").toString());
        return per;
    }

    /** Initial bearing from one point to another, whole degrees clockwise from north, 0..359. */
    private static int bearing(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dl = Math.toRadians(lon2 - lon1);
        double b = Math.toDegrees(Math.atan2(Math.sin(dl) * Math.cos(p2), Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl)));
        return (int) Math.round((b + 360) % 360) % 360;
    }

    private String report(long seconds, int facilities, int framesPerSecond, double bootS, SignBridgeBench.Samples http,
                          SignBridgeBench.Samples mqtt, String load0, String load1) {
        SignBridgeBench.Samples allSigns = new SignBridgeBench.Samples();
        SignBridgeBench.Samples firstSign = new SignBridgeBench.Samples();
        int complete = 0;
        int none = 0;
        long expected = 0;
        long displayed = 0;
        List<Reading> rs;
        synchronized (measured) {
            rs = List.copyOf(measured);
        }
        for (Reading r : rs) {
            expected += r.expected;
            displayed += r.seen.size();
            if (r.seen.isEmpty()) {
                none++;
            } else {
                firstSign.add((r.first - r.published) / 1e6);
            }
            if (r.seen.size() >= r.expected) {
                complete++;
                allSigns.add((r.last - r.published) / 1e6);
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("# Sign bridge bench: reading -> displayed, end to end\n\n");
        b.append(String.format(Locale.ROOT, "%d signs (http-json on the simulated controller), %d lines each, over %d facilities of the "
                        + "demo city (%d signs per facility); a reading every %.0f ms round the facilities (each facility every %d ms, "
                        + "%.1f readings/s, about %d sign frames/s); %d s warm-up, then 2 rounds of %d s readings + 3 s drain + %d s HTTP "
                        + "floor + %d s broker floor (floors at %d/s). Ingest, guidance, sign bridge with production defaults; start-up "
                        + "(city, roads, 4 verticles) %.1f s.%n%n",
                signs, lines, facilities, signs * lines / facilities, cycleMs / (double) facilities, cycleMs,
                facilities * 1000.0 / cycleMs, framesPerSecond, WARMUP_S, seconds / 2, seconds / 8, seconds / 8, framesPerSecond, bootS));
        b.append("`/proc/loadavg` at start: ").append(load0).append(", at end: ").append(load1).append("\n\n");
        b.append("| path | n | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n");
        b.append(perSign.row("reading published -> displayed on the simulated controller, per sign showing the facility"));
        b.append(firstSign.row("reading published -> displayed on the first sign showing the facility"));
        b.append(allSigns.row("reading published -> displayed on every sign showing the facility (the last of them)"));
        b.append(clear.row("per sign, without a republished frame of that sign in the way"));
        b.append(afterRepublish.row("per sign, the sign showed guidance's republished frame (same lines, new validity) less than "
                + "1 s before the reading or after it"));
        b.append(floors.putToDisplay.row("floor: bare HTTP PUT sent -> displayed on the simulated controller (JDK HttpClient)"));
        b.append(http.row("floor: bare HTTP PUT round trip (sent -> answer read) to the simulated controller"));
        b.append(mqtt.row("floor: one QoS 1 message through the broker to a subscriber"));
        b.append(String.format(Locale.ROOT, "%nReadings measured: %d; displayed on all their signs: %d; on none: %d. Sign displays expected: "
                + "%,d; seen: %,d. Republished frames (same lines, new validity; guidance republishes every sign every validity/2 = 60 s) "
                + "the controller displayed during the reading phases: %,d. Floor PUTs that failed (2 s timeout): %d.%n", rs.size(), complete,
                none, expected, displayed, republishShows.get(), floors.httpFailed.get()));
        return b.toString();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
