package de.parkleit.bench.load;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;

/**
 * Load against a running parkleit: N simulated single-space sensor gateways (Vert.x MQTT clients on one
 * Vert.x instance with a few event loops) publish QoS 1 readings at a target rate while HTTP readers read
 * the public API at a fixed total rate and SSE clients stay on /api/v1/live. Reports readings/s, loss
 * (broker-acknowledged vs stored), publish-ack / HTTP / push latency, heap samples and the generator's
 * own CPU. Run by bench/load/run.sh (see docs/reliability.md, "Load").
 */
public final class LoadRun {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([A-Za-z0-9_-]+)\"");

    private LoadRun() {
    }

    /** Every HTTP reader, SSE reader and probe has its own client (own connection and selector thread). */
    static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    public static void main(String[] a) {
        // one INFO line per gateway connection otherwise; the logger is held here so the level sticks
        java.util.logging.Logger mqttLog = java.util.logging.Logger.getLogger("io.vertx.mqtt");
        mqttLog.setLevel(java.util.logging.Level.WARNING);
        int code;
        try {
            code = run(options(a));
        } catch (Exception e) {
            e.printStackTrace();
            code = 2;
        }
        java.lang.ref.Reference.reachabilityFence(mqttLog);
        System.exit(code); // Vert.x and HTTP client threads would keep the JVM (and run.sh) alive
    }

    static Map<String, String> options(String[] a) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < a.length; i += 2) {
            o.put(a[i].replaceFirst("^--", ""), a[i + 1]);
        }
        return o;
    }

    static int run(Map<String, String> o) throws Exception {
        String mqtt = o.getOrDefault("mqtt", "tcp://127.0.0.1:1883");
        String http = o.getOrDefault("http", "http://127.0.0.1:8080");
        String root = o.getOrDefault("root", "parkleit/v1");
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
        int rate = Integer.parseInt(o.getOrDefault("rate", "1000"));
        int gateways = Integer.parseInt(o.getOrDefault("gateways", "100"));
        int eventLoops = Integer.parseInt(o.getOrDefault("event-loops", "1"));
        int httpClients = Integer.parseInt(o.getOrDefault("http-clients", "4"));
        double httpRate = Double.parseDouble(o.getOrDefault("http-rate", "100"));
        int sseClients = Integer.parseInt(o.getOrDefault("sse-clients", "4"));
        Path report = Path.of(o.getOrDefault("report", "bench/load/target/load-report.md"));
        Probes probes = new Probes(http, o.getOrDefault("questdb", "http://127.0.0.1:9000"), o.get("pid"));

        // --floor true: no parkleit, only the generator and the broker (with whatever subscriber run.sh started)
        boolean floor = Boolean.parseBoolean(o.getOrDefault("floor", "false"));
        if (floor) {
            httpClients = 0;
            sseClients = 0;
        }
        List<String> facilities = floor ? IntStream.range(0, 20).mapToObj(i -> "floor" + i).toList() : facilities(http);
        // region-shaped (--sensors N): N single-space sensors behind the gateways, spread over the facilities by capacity
        int sensors = Integer.parseInt(o.getOrDefault("sensors", "0"));
        int changeEvery = Integer.parseInt(o.getOrDefault("change-every", sensors > 0 ? "10" : "1"));
        double guidanceRate = Double.parseDouble(o.getOrDefault("guidance-rate", "0"));
        int guidanceClients = guidanceRate > 0 ? Integer.parseInt(o.getOrDefault("guidance-clients", "4")) : 0;
        double accepted0 = probes.metric("parkleit_ingest_accepted_total");
        double rejected0 = probes.metric("parkleit_ingest_rejected_total");
        GatewayFleet fleet = sensors > 0
                ? GatewayFleet.connect(mqtt, root, sensorFacilities(http, sensors), gateways, eventLoops, rate, changeEvery)
                : GatewayFleet.connect(mqtt, root, facilities, gateways, eventLoops, rate);
        PublishStats pub = fleet.stats;

        LiveReaders live = new LiveReaders(http);
        live.start(sseClients);
        Socket stuck = floor ? new Socket() : LiveReaders.stuckClient(http); // the server must drop it without holding up the others
        List<Double> heap = new ArrayList<>();
        List<String> timeline = new ArrayList<>();
        double cpu0 = Probes.ownCpuSeconds();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        fleet.start(start, end); // publishing and reading stop by themselves at the end, whatever the sampling below is doing
        // with many facilities the readers ask single facilities (the whole list is megabytes); the map clients are the SSE readers
        HttpReaders readers = sensors > 0 ? new HttpReaders(http, i -> "/api/v1/facilities/" + facilities.get(i % facilities.size()))
                : new HttpReaders(http, facilities);
        readers.start(httpClients, httpRate, end);
        HttpReaders guidance = new HttpReaders(http, i -> "/api/v1/guidance?" + TRIPS.get(i % TRIPS.size()));
        guidance.start(guidanceClients, guidanceRate, end);

        long lastAcked = 0;
        double lastAccepted = 0;
        double lastRow = 0;
        double lastCpu = cpu0;
        long nextSample = start;
        boolean lastSample = false;
        while (!lastSample) { // every 5 s and once at the end, however long a sample takes
            nextSample = Math.min(nextSample + 5_000_000_000L, end);
            lastSample = nextSample >= end;
            Thread.sleep(Math.max(0, nextSample - System.nanoTime()) / 1_000_000);
            double t = (System.nanoTime() - start) / 1e9;
            Probes.Heap h = probes.heap();
            heap.add(h.usedMiB());
            double acceptedNow = probes.metric("parkleit_ingest_accepted_total") - accepted0;
            String load = Probes.loadAverage();
            System.out.printf("t=%.0fs sent=%d acked=%d accepted=%.0f http=%d (errors %d) sse events=%d heap=%.0f MiB generator cpu=%.1fs load=%s%n", t,
                    pub.sent.get(), pub.acked.get(), acceptedNow, readers.ok.get(), readers.errors.get(), live.events.get(), h.usedMiB(),
                    Probes.ownCpuSeconds() - cpu0, load);
            if (t - lastRow >= 59.5 || lastSample) {
                double dt = t - lastRow;
                double cpu = Probes.ownCpuSeconds();
                timeline.add(String.format("| %.0f s | %.0f | %.0f | %.0f | %s | %.0f %% | %s |", t, (pub.acked.get() - lastAcked) / dt,
                        (acceptedNow - lastAccepted) / dt, h.usedMiB(), h.oldGen(), 100 * (cpu - lastCpu) / dt, load));
                lastRow = t;
                lastAcked = pub.acked.get();
                lastAccepted = acceptedNow;
                lastCpu = cpu;
            }
        }
        fleet.stop();
        readers.stop();
        guidance.stop();
        double elapsed = seconds;
        double generatorCpu = Probes.ownCpuSeconds() - cpu0;
        long httpRequests = readers.requests();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!pub.settled() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        long acked = pub.acked.get(); // what the broker acknowledged, once the PUBACKs are in (or a minute is over)
        // the rows the store must have: every acknowledged change (heartbeats are counted, not stored; docs/storage.md)
        long expectedRows = floor ? acked : pub.ackedChanges.get();
        long rows = 0;
        long last = -1;
        while (System.currentTimeMillis() < deadline + 60_000) {
            rows = floor ? acked : probes.rows();
            if (rows >= expectedRows || rows == last) {
                break;
            }
            last = rows;
            Thread.sleep(3000);
        }
        double accepted = probes.metric("parkleit_ingest_accepted_total") - accepted0;
        double rejected = probes.metric("parkleit_ingest_rejected_total") - rejected0;
        double liveDropped = probes.metric("parkleit_dashboard_live_dropped_total");
        double liveCoalesced = probes.metric("parkleit_dashboard_live_coalesced_total");
        double blocked = probes.metric("parkleit_vertx_blocked_threads_total");
        long sseConnected = live.connected();
        live.stop();
        stuck.close();
        fleet.close();

        long sent = pub.sent.get();
        long lost = Math.max(0, expectedRows - rows);
        long doubled = Math.max(0, rows - expectedRows);
        double heartbeats = probes.metric("parkleit_ingest_heartbeats_total");
        long noPuback = Math.max(0, sent - acked - pub.errors.get()); // still unacknowledged a minute after the end
        long publishErrors = pub.errors.get() + pub.disconnects.get() + noPuback;
        String md = String.format("""
                | run | gateways | target rate | sent | broker-acked | ingest accepted | rejected | rows stored | lost / doubled | readings/s acked | publish errors (disconnects, no PUBACK) | publish ack p50 / p99 ms | HTTP requests (errors) | HTTP req/s target / achieved | HTTP p50 / p99 ms | SSE events (clients connected at end, reconnects) | reading to SSE push p50 / p99 ms | live push: stuck clients dropped, frames coalesced | heap MiB first / max / last | Vert.x blocked-thread warnings | generator CPU s (per 1,000 readings acked) |
                |---|---:|---:|---:|---:|---:|---:|---:|---|---:|---|---|---|---|---|---|---|---|---|---|---|
                | %d s | %d | %d/s | %d | %d | %.0f | %.0f | %d | %d / %d | %.0f | %d (%d, %d) | %.1f / %.1f | %d (%d) | %s / %.1f | %.1f / %.1f | %d (%d of %d, %d) | %.0f / %.0f | %.0f, %.0f | %.0f / %.0f / %.0f | %.0f | %.1f (%.3f) |

                Per minute (readings/s, parkleit heap sampled, old generation from jstat, generator CPU, load average of the machine):

                | t | acked/s | accepted/s | heap used MiB | old gen MiB | generator CPU (of one core) | load 1 / 5 / 15 min |
                |---|---:|---:|---:|---:|---:|---|
                %s
                """, seconds, gateways, rate, sent, acked, accepted, rejected, rows, lost, doubled, acked / elapsed,
                publishErrors, pub.disconnects.get(), noPuback, ms(pub.ackLatency, 50), ms(pub.ackLatency, 99), readers.ok.get(), readers.errors.get(),
                httpClients == 0 ? "—" : httpRate > 0 ? String.format("%.0f", httpRate) : "unpaced", httpRequests / elapsed, ms(readers.latency, 50), ms(readers.latency, 99),
                live.events.get(), sseConnected, sseClients, live.reconnects.get(), ms(live.lag, 50), ms(live.lag, 99), liveDropped, liveCoalesced,
                heap.get(0), heap.stream().mapToDouble(d -> d).max().orElse(0), heap.get(heap.size() - 1), blocked,
                generatorCpu, acked == 0 ? Double.NaN : generatorCpu / (acked / 1000.0), String.join("\n", timeline));
        if (sensors > 0) {
            md += String.format("""

                    Region shape: %d sensors behind %d gateways over %d facilities, each sensor changes every %d readings;
                    %d acknowledged readings were changes (rows expected), parkleit counted %.0f heartbeats (not stored).
                    Guidance: %d requests (%d errors), target %.0f/s, p50 / p99 %.1f / %.1f ms.
                    """, sensors, gateways, facilities.size(), changeEvery, expectedRows, heartbeats, guidance.ok.get(), guidance.errors.get(),
                    guidanceRate, ms(guidance.latency, 50), ms(guidance.latency, 99));
        }
        System.out.println(md);
        if (pub.unmatchedAcks.get() > 0) {
            System.out.println("note: " + pub.unmatchedAcks.get() + " PUBACKs arrived before their publish time was recorded (no latency sample)");
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, md);
        boolean rateMet = acked >= 0.9 * rate * seconds;
        // a reader the server dropped for being too slow reconnects (as a browser does) and is reported, not a failure
        boolean sseOk = floor || (live.events.get() > 0 && live.lag.getTotalCount() > 0);
        boolean ok = rateMet && lost == 0 && doubled == 0 && publishErrors == 0 && readers.errors.get() == 0 && guidance.errors.get() == 0 && sseOk;
        System.out.println(ok ? "PASS: target rate held, no loss, no errors" : "FAIL: rateMet=" + rateMet + " lost=" + lost + " doubled=" + doubled
                + " publishErrors=" + publishErrors + " httpErrors=" + readers.errors.get() + " sseEvents=" + live.events.get()
                + " sseStateEvents=" + live.lag.getTotalCount());
        return ok ? 0 : 1;
    }

    static double ms(Histogram h, double p) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(p) / 1000.0;
    }

    /** Trips inside the demo city's road graph (the region city keeps Heidelberg's roads). */
    static final List<String> TRIPS = List.of("from=49.4037,8.6756&to=49.4097,8.6918", "from=49.4008,8.6788&to=49.4110,8.7122",
            "from=49.4183,8.6750&to=49.4077,8.6949", "from=49.4120,8.7100&to=49.4183,8.6750");

    /** The facility of each of {@code n} sensors: every facility gets as many as its capacity, in turn, until n are placed. */
    static String[] sensorFacilities(String http, int n) throws Exception {
        String body = newClient().send(HttpRequest.newBuilder(URI.create(http + "/api/v1/facilities")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Object parsed = io.vertx.core.json.Json.decodeValue(body);
        io.vertx.core.json.JsonArray arr = parsed instanceof io.vertx.core.json.JsonArray a ? a
                : ((io.vertx.core.json.JsonObject) parsed).getJsonArray("facilities");
        String[] out = new String[n];
        int placed = 0;
        long capacity = 0;
        for (Object f : arr) {
            capacity += ((io.vertx.core.json.JsonObject) f).getInteger("capacity", 0);
        }
        while (placed < n) {
            int before = placed;
            for (Object f : arr) {
                io.vertx.core.json.JsonObject j = (io.vertx.core.json.JsonObject) f;
                int c = j.getInteger("capacity", 0);
                for (int k = 0; k < c && placed < n; k++) {
                    out[placed++] = j.getString("id");
                }
            }
            if (placed == before) {
                throw new IllegalStateException("no facility with a capacity at " + http);
            }
        }
        System.out.println("generator: " + n + " sensors over " + arr.size() + " facilities (capacity " + capacity + ")");
        return out;
    }

    static List<String> facilities(String http) throws Exception {
        String body = newClient().send(HttpRequest.newBuilder(URI.create(http + "/api/v1/facilities")).build(), HttpResponse.BodyHandlers.ofString()).body();
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
}
