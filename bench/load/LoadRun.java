import java.io.BufferedReader;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Load against a running parkleit: N simulated single-space sensor gateways publish QoS 1 readings at
 * a target rate while HTTP clients read the public API and one SSE client stays on /api/v1/live.
 * Reports readings/s, loss (broker-acknowledged vs ingest-accepted), HTTP p50/p99, heap samples.
 * Run by bench/load/run.sh; a single-file Java program on the app's class path.
 */
public final class LoadRun {

    /** Setup, /metrics and QuestDB queries; every HTTP reader and SSE client has its own client (own connection and selector thread). */
    static final HttpClient HTTP = newClient();

    static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([A-Za-z0-9_-]+)\"");

    public static void main(String[] a) {
        try {
            run(a);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(2); // Paho threads would keep the JVM (and run.sh) alive
        }
    }

    static void run(String[] a) throws Exception {
        Map<String, String> o = new ConcurrentHashMap<>();
        for (int i = 0; i + 1 < a.length; i += 2) {
            o.put(a[i].replaceFirst("^--", ""), a[i + 1]);
        }
        String mqtt = o.getOrDefault("mqtt", "tcp://127.0.0.1:1883");
        String http = o.getOrDefault("http", "http://127.0.0.1:8080");
        String root = o.getOrDefault("root", "parkleit/v1");
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
        int rate = Integer.parseInt(o.getOrDefault("rate", "1000"));
        int gateways = Integer.parseInt(o.getOrDefault("gateways", "100"));
        int httpClients = Integer.parseInt(o.getOrDefault("http-clients", "4"));
        int sseClients = Integer.parseInt(o.getOrDefault("sse-clients", "4"));
        Path report = Path.of(o.getOrDefault("report", "bench/load/target/load-report.md"));
        String questdb = o.getOrDefault("questdb", "http://127.0.0.1:9000");
        String pid = o.get("pid");

        // --floor true: no parkleit, only the generator and the broker (with whatever subscriber run.sh started)
        boolean floor = Boolean.parseBoolean(o.getOrDefault("floor", "false"));
        if (floor) {
            httpClients = 0;
            sseClients = 0;
        }
        List<String> facilities = floor ? java.util.stream.IntStream.range(0, 20).mapToObj(i -> "floor" + i).toList() : facilities(http);
        double accepted0 = metric(http, "parkleit_ingest_accepted_total");
        double rejected0 = metric(http, "parkleit_ingest_rejected_total");
        List<MqttAsyncClient> clients = connect(mqtt, gateways);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong sent = new AtomicLong();
        AtomicLong acked = new AtomicLong();
        AtomicLong pubErrors = new AtomicLong();
        ConcurrentHistogram ackLatency = new ConcurrentHistogram(3);
        ConcurrentHistogram httpLatency = new ConcurrentHistogram(3);
        AtomicLong httpOk = new AtomicLong();
        AtomicLong httpErrors = new AtomicLong();
        AtomicLong sseEvents = new AtomicLong();
        AtomicLong sseReconnects = new AtomicLong();
        ConcurrentHistogram sseLag = new ConcurrentHistogram(3);
        List<AtomicBoolean> sseAlive = new ArrayList<>();
        List<Double> heap = new ArrayList<>();
        List<String> timeline = new ArrayList<>();

        for (int i = 0; i < sseClients; i++) {
            AtomicBoolean alive = new AtomicBoolean(false);
            sseAlive.add(alive);
            Thread sse = new Thread(() -> {
                while (running.get()) {
                    sse(http, running, sseEvents, alive, sseLag);
                    if (running.get()) {
                        sseReconnects.incrementAndGet(); // dropped (e.g. too slow): reconnect as a browser does
                    }
                }
            }, "sse-" + i);
            sse.setDaemon(true);
            sse.start();
        }
        // a live-push client that never reads: the server must drop it without holding up the others
        java.net.Socket stuck = floor ? new java.net.Socket() : stuckSseClient(http);
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < httpClients; i++) {
            Thread t = new Thread(() -> readApi(http, facilities, running, httpLatency, httpOk, httpErrors), "http-" + i);
            t.setDaemon(true);
            t.start();
            readers.add(t);
        }

        ScheduledExecutorService tick = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        int perTick = Math.max(1, rate / 100);
        AtomicLong seq = new AtomicLong();
        tick.scheduleAtFixedRate(() -> {
            for (int i = 0; i < perTick && running.get(); i++) {
                long n = seq.getAndIncrement();
                int g = (int) (n % gateways);
                String facility = facilities.get(g % facilities.size());
                String topic = root + "/parking/" + facility + "/spaces/s" + g;
                byte[] payload = ("{\"ts\":\"" + Instant.now() + "\",\"occupied\":" + ((n / gateways) % 2 == 0) + "}")
                        .getBytes(StandardCharsets.UTF_8);
                long t0 = System.nanoTime();
                try {
                    clients.get(g).publish(topic, new MqttMessage(payload) {{ setQos(1); }}, null, new IMqttActionListener() {
                        public void onSuccess(IMqttToken t) {
                            acked.incrementAndGet();
                            ackLatency.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                        }

                        public void onFailure(IMqttToken t, Throwable e) {
                            pubErrors.incrementAndGet();
                        }
                    });
                    sent.incrementAndGet();
                } catch (Exception e) {
                    pubErrors.incrementAndGet();
                }
            }
        }, 0, 10, TimeUnit.MILLISECONDS);

        long end = start + seconds * 1_000_000_000L;
        long lastAcked = 0;
        double lastAccepted = 0;
        double lastRow = 0;
        long nextSample = start;
        while (System.nanoTime() < end) {
            nextSample = Math.min(nextSample + 5_000_000_000L, end);
            Thread.sleep(Math.max(0, nextSample - System.nanoTime()) / 1_000_000);
            double t = (System.nanoTime() - start) / 1e9;
            heap.add(heapMiB(pid));
            double acceptedNow = metric(http, "parkleit_ingest_accepted_total") - accepted0;
            String load = loadAverage();
            System.out.printf("t=%.0fs sent=%d acked=%d accepted=%.0f http=%d (errors %d) sse events=%d heap=%.0f MiB load=%s%n", t,
                    sent.get(), acked.get(), acceptedNow, httpOk.get(), httpErrors.get(), sseEvents.get(), heap.get(heap.size() - 1), load);
            if (t - lastRow >= 59.5 || System.nanoTime() >= end) {
                double dt = t - lastRow;
                timeline.add(String.format("| %.0f s | %.0f | %.0f | %.0f | %s | %s |", t, (acked.get() - lastAcked) / dt,
                        (acceptedNow - lastAccepted) / dt, heap.get(heap.size() - 1), oldGenMiB(pid), load));
                lastRow = t;
                lastAcked = acked.get();
                lastAccepted = acceptedNow;
            }
        }
        running.set(false);
        tick.shutdown();
        tick.awaitTermination(5, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long deadline = System.currentTimeMillis() + 60_000;
        while (acked.get() + pubErrors.get() < sent.get() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        long rows = 0;
        long last = -1;
        while (System.currentTimeMillis() < deadline + 60_000) {
            rows = floor ? acked.get() : rows(questdb);
            if (rows >= acked.get() || rows == last) {
                break;
            }
            last = rows;
            Thread.sleep(3000);
        }
        double accepted = metric(http, "parkleit_ingest_accepted_total") - accepted0;
        double rejected = metric(http, "parkleit_ingest_rejected_total") - rejected0;
        double liveDropped = metric(http, "parkleit_dashboard_live_dropped_total");
        double liveCoalesced = metric(http, "parkleit_dashboard_live_coalesced_total");
        double blocked = metric(http, "parkleit_vertx_blocked_threads_total");
        long sseConnected = sseAlive.stream().filter(AtomicBoolean::get).count();
        stuck.close();
        for (MqttAsyncClient c : clients) {
            try {
                c.disconnect().waitForCompletion(2000);
            } catch (Exception e) {
                // the run is over; a slow disconnect does not change the figures
            }
        }
        long lost = Math.max(0, acked.get() - rows);
        long doubled = Math.max(0, rows - acked.get());
        String md = String.format("""
                | run | gateways | target rate | sent | broker-acked | ingest accepted | rejected | rows stored | lost / doubled | readings/s acked | publish ack p50 / p99 ms | HTTP requests (errors) | HTTP p50 / p99 ms | SSE events (clients connected at end, reconnects) | reading to SSE push p50 / p99 ms | live push: stuck clients dropped, frames coalesced | heap MiB first / max / last | Vert.x blocked-thread warnings |
                |---|---:|---:|---:|---:|---:|---:|---:|---|---:|---|---|---|---|---|---|---|---|
                | %d s | %d | %d/s | %d | %d | %.0f | %.0f | %d | %d / %d | %.0f | %.1f / %.1f | %d (%d) | %.1f / %.1f | %d (%d of %d, %d) | %.0f / %.0f | %.0f, %.0f | %.0f / %.0f / %.0f | %.0f |

                Per minute (readings/s, heap sampled, old generation from jstat, load average of the machine):

                | t | acked/s | accepted/s | heap used MiB | old gen MiB | load 1 / 5 / 15 min |
                |---|---:|---:|---:|---:|---|
                %s
                """, seconds, gateways, rate, sent.get(), acked.get(), accepted, rejected, rows, lost, doubled, acked.get() / elapsed,
                ms(ackLatency, 50), ms(ackLatency, 99), httpOk.get(), httpErrors.get(), ms(httpLatency, 50), ms(httpLatency, 99),
                sseEvents.get(), sseConnected, sseClients, sseReconnects.get(), ms(sseLag, 50), ms(sseLag, 99), liveDropped, liveCoalesced,
                heap.get(0), heap.stream().mapToDouble(d -> d).max().orElse(0), heap.get(heap.size() - 1), blocked,
                String.join("\n", timeline));
        System.out.println(md);
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, md);
        boolean rateMet = acked.get() >= 0.9 * rate * seconds;
        // a reader the server dropped for being too slow reconnects (as a browser does) and is reported, not a failure
        boolean sseOk = floor || (sseEvents.get() > 0 && sseLag.getTotalCount() > 0);
        boolean ok = rateMet && lost == 0 && doubled == 0 && pubErrors.get() == 0 && httpErrors.get() == 0 && sseOk;
        System.out.println(ok ? "PASS: target rate held, no loss, no errors" : "FAIL: rateMet=" + rateMet + " lost=" + lost + " doubled=" + doubled + " publishErrors=" + pubErrors.get()
                + " httpErrors=" + httpErrors.get() + " sseEvents=" + sseEvents.get() + " sseStateEvents=" + sseLag.getTotalCount());
        System.exit(ok ? 0 : 1);
    }

    static double ms(Histogram h, double p) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(p) / 1000.0;
    }

    static List<MqttAsyncClient> connect(String url, int n) throws Exception {
        List<MqttAsyncClient> out = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ExecutorService connectors = Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int i = k;
            done.add(connectors.submit(() -> out.add(connectOne(url, i))));
        }
        for (java.util.concurrent.Future<?> f : done) {
            f.get();
        }
        connectors.shutdown();
        return new ArrayList<>(out);
    }

    static MqttAsyncClient connectOne(String url, int i) throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(url, "load-gw-" + i + "-" + Long.toHexString(System.nanoTime()), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(1000);
        o.setAutomaticReconnect(false);
        c.connect(o).waitForCompletion(30_000);
        return c;
    }

    static List<String> facilities(String http) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(http + "/api/v1/facilities")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<String> ids = new ArrayList<>();
        Matcher m = ID.matcher(body);
        while (m.find()) {
            if (!ids.contains(m.group(1))) {
                ids.add(m.group(1));
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no facilities at " + http + "/api/v1/facilities");
        }
        return ids;
    }

    static void readApi(String http, List<String> facilities, AtomicBoolean running, Histogram lat, AtomicLong ok, AtomicLong errors) {
        HttpClient client = newClient();
        int i = 0;
        while (running.get()) {
            String path = i++ % 2 == 0 ? "/api/v1/facilities" : "/api/v1/facilities/" + facilities.get(i % facilities.size());
            long t0 = System.nanoTime();
            try {
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(http + path)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                lat.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                (r.statusCode() == 200 ? ok : errors).incrementAndGet();
            } catch (Exception e) {
                errors.incrementAndGet();
            }
        }
    }

    static final Pattern UPDATED = Pattern.compile("\"updatedAt\"\\s*:\\s*\"([^\"]+)\"");

    /** One live-push reader: counts events and records reading-to-push latency (receive time minus the state's updatedAt). */
    static void sse(String http, AtomicBoolean running, AtomicLong events, AtomicBoolean alive, Histogram lag) {
        try {
            HttpResponse<java.io.InputStream> r = newClient().send(HttpRequest.newBuilder(URI.create(http + "/api/v1/live")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String line;
                boolean state = false;
                alive.set(r.statusCode() == 200);
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        events.incrementAndGet();
                        state = line.equals("event: state");
                    } else if (state && line.startsWith("data:")) {
                        Matcher m = UPDATED.matcher(line);
                        if (m.find()) {
                            long ms = System.currentTimeMillis() - Instant.parse(m.group(1)).toEpochMilli();
                            lag.recordValue(Math.max(1, ms * 1000));
                        }
                        state = false;
                    }
                    if (!running.get()) {
                        return;
                    }
                }
                alive.set(false);
            }
        } catch (Exception e) {
            alive.set(false);
        }
    }

    /** Opens /api/v1/live on a plain socket with a small receive buffer and never reads from it. */
    static java.net.Socket stuckSseClient(String http) throws Exception {
        URI u = URI.create(http);
        java.net.Socket s = new java.net.Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new java.net.InetSocketAddress(u.getHost(), u.getPort()), 5000);
        s.getOutputStream().write(("GET /api/v1/live HTTP/1.1\r\nHost: " + u.getHost() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return s;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (Exception e) {
            return "?";
        }
    }

    /** Rows in space_occupancy (the run's store is fresh; QuestDB deduplicates on timestamp and tags). */
    static long rows(String questdb) throws Exception {
        String q = java.net.URLEncoder.encode("select count() from space_occupancy", StandardCharsets.UTF_8);
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(questdb + "/exec?query=" + q)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"dataset\"\\s*:\\s*\\[\\[(\\d+)").matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Used heap of the parkleit process from {@code jstat -gc} (survivors + eden + old), in MiB. */
    static double heapMiB(String pid) {
        if (pid == null) {
            return Double.NaN;
        }
        try {
            Process p = new ProcessBuilder("jstat", "-gc", pid).redirectErrorStream(true).start();
            String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split("\n");
            p.waitFor();
            List<String> head = List.of(lines[0].trim().split("\\s+"));
            String[] v = lines[1].trim().split("\\s+");
            double kb = 0;
            for (String col : List.of("S0U", "S1U", "EU", "OU")) {
                kb += Double.parseDouble(v[head.indexOf(col)]);
            }
            return kb / 1024;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /** Old generation used (jstat -gc OU), in MiB, as text. */
    static String oldGenMiB(String pid) {
        if (pid == null) {
            return "?";
        }
        try {
            Process p = new ProcessBuilder("jstat", "-gc", pid).redirectErrorStream(true).start();
            String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split("\n");
            p.waitFor();
            List<String> head = List.of(lines[0].trim().split("\\s+"));
            return String.format("%.0f", Double.parseDouble(lines[1].trim().split("\\s+")[head.indexOf("OU")]) / 1024);
        } catch (Exception e) {
            return "?";
        }
    }

    static double metric(String http, String name) throws Exception {
        return metricMatching(http, name, "");
    }

    static double metricMatching(String http, String name, String labelPart) throws Exception {
        if (http.equals("none")) {
            return 0;
        }
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(http + "/metrics")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        for (String line : body.split("\n")) {
            if ((line.startsWith(name + " ") || line.startsWith(name + "{")) && line.contains(labelPart)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
