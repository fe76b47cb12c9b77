package de.parkleit.bench.store;

import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.platform.store.HistoryWindow;
import de.parkleit.platform.store.OccupancyBucket;
import de.parkleit.platform.store.StoreOptions;
import de.parkleit.platform.store.questdb.EmbeddedQuestDb;
import de.parkleit.platform.store.questdb.QuestDbStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Store benchmark on one embedded QuestDB, all figures from the same run:
 * <ol>
 *   <li>write throughput of {@link QuestDbStore#write} (influxdb-client-java, batches of 5,000) against
 *       the same readings as raw line protocol POSTed with the JDK HTTP client, alternating, each round
 *       into a fresh time range of the same table; rows/s until acknowledged and until visible;</li>
 *   <li>latency of the 7 days x 20 facilities at 5 minutes history query through the adapter, next
 *       to the bare SQL over HTTP on the raw table and on the 5-minute aggregate table.</li>
 * </ol>
 * Arguments: rows per round (default 1,000,000), rounds (3), queries (300).
 */
public final class StoreBench {

    private static final int FACILITIES = 200;
    private static final int BATCH = 5_000;

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        Path dir = Files.createTempDirectory("parkleit-store-bench");
        StringBuilder report = new StringBuilder("Load average at start: " + loadAverage() + "\n\n");
        try (EmbeddedQuestDb db = EmbeddedQuestDb.start(dir, 0);
             QuestDbStore store = QuestDbStore.open(db.httpUrl(), StoreOptions.defaults())) {
            if (rows > 0) {
                report.append(writes(db, store, rows, rounds)).append('\n');
            }
            report.append(queries(db, store, queries));
        }
        report.append("\nLoad average at end: ").append(loadAverage()).append(" (").append(Runtime.getRuntime().availableProcessors())
                .append(" cores)\n");
        System.out.println(report);
        Path out = Path.of("target", "store-bench.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static String writes(EmbeddedQuestDb db, QuestDbStore store, int rows, int rounds) throws Exception {
        RawLineProtocolWriter raw = new RawLineProtocolWriter(db.httpUrl());
        Instant base = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(20));
        List<double[]> adapter = new ArrayList<>();
        List<double[]> peer = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) { // round 0 warms up
            Instant a = base.plus(Duration.ofDays(2L * round));
            Instant b = a.plus(Duration.ofDays(1));
            List<OccupancyReading> ra = readings(a, rows);
            List<OccupancyReading> rb = readings(b, rows);
            Callable<double[]> runAdapter = () -> timed(store, ra, () -> store.write(ra));
            Callable<double[]> runRaw = () -> timed(store, rb, () -> raw.write(rb, BATCH));
            double[] x = round % 2 == 0 ? runAdapter.call() : null;
            double[] y = runRaw.call();
            x = x == null ? runAdapter.call() : x;
            if (round > 0) {
                adapter.add(x);
                peer.add(y);
            }
        }
        double ack = median(adapter, 0);
        double rawAck = median(peer, 0);
        return String.format(Locale.ROOT, "### Write throughput (%,d occupancy rows per round, %d facilities, batches of %,d, median of %d rounds)%n%n"
                        + "| writer | rows/s acknowledged | rows/s visible to queries |%n|---|---:|---:|%n"
                        + "| QuestDbStore.write (influxdb-client-java WriteApiBlocking) | %,.0f | %,.0f |%n"
                        + "| raw line protocol, JDK HttpClient POST /api/v2/write | %,.0f | %,.0f |%n"
                        + "| ratio adapter / raw | %.2f | %.2f |%n",
                rows, FACILITIES, BATCH, rounds, ack, median(adapter, 1), rawAck, median(peer, 1),
                ack / rawAck, median(adapter, 1) / median(peer, 1));
    }

    interface Job {
        void run() throws Exception;
    }

    /** Returns {rows/s until acknowledged, rows/s until a query sees all}; checks none was lost. */
    private static double[] timed(QuestDbStore store, List<OccupancyReading> rs, Job job) throws Exception {
        long t0 = System.nanoTime();
        job.run();
        long t1 = System.nanoTime();
        Instant from = rs.get(0).ts();
        Instant to = rs.get(rs.size() - 1).ts().plusSeconds(1);
        long seen = 0;
        for (int f = 0; f < 3; f++) {
            seen += store.countOccupancy(rs.get(f).facilityId(), from, to);
        }
        long t2 = System.nanoTime();
        if (seen != 3L * (rs.size() / FACILITIES)) {
            throw new IllegalStateException("rows lost: expected " + 3L * (rs.size() / FACILITIES) + ", saw " + seen);
        }
        return new double[] {rs.size() / ((t1 - t0) / 1e9), rs.size() / ((t2 - t0) / 1e9)};
    }

    /** rows readings: FACILITIES facilities, one reading every second each, starting at start. */
    private static List<OccupancyReading> readings(Instant start, int rows) {
        List<OccupancyReading> out = new ArrayList<>(rows);
        int perFacility = rows / FACILITIES;
        for (int i = 0; i < perFacility; i++) {
            Instant ts = start.plusSeconds(i);
            for (int f = 0; f < FACILITIES; f++) {
                out.add(new OccupancyReading("F" + f, ts, (i + f) % 800, 800, null));
            }
        }
        return out;
    }

    private static String queries(EmbeddedQuestDb db, QuestDbStore store, int n) throws Exception {
        Instant to = Instant.now().truncatedTo(ChronoUnit.DAYS);
        Instant from = to.minus(Duration.ofDays(7));
        List<String> ids = new ArrayList<>();
        List<OccupancyReading> rs = new ArrayList<>();
        for (int f = 0; f < 20; f++) {
            ids.add("Q" + f);
            for (int m = 0; m < 7 * 1440; m++) {
                rs.add(new OccupancyReading("Q" + f, from.plus(Duration.ofMinutes(m)), (m + f) % 500, 500, null));
            }
        }
        store.write(rs);
        HistoryWindow w = new HistoryWindow(from, to, Duration.ofMinutes(5));
        Map<String, List<OccupancyBucket>> check = store.occupancyHistory(ids, w);
        if (check.values().stream().mapToInt(List::size).sum() != 20 * 7 * 288) {
            throw new IllegalStateException("unexpected bucket count " + check);
        }
        String in = String.join("','", ids);
        String range = " WHERE facility IN ('" + in + "') AND ts >= '" + from + "' AND ts < '" + to + "'";
        String rawSql = "SELECT ts, facility, avg(free), min(free), max(free), count() FROM parking_occupancy" + range
                + " SAMPLE BY 5m ALIGN TO CALENDAR";
        String viewSql = "SELECT ts, facility, sum_free / samples::double, min_free, max_free, samples"
                + " FROM parking_occupancy_5m" + range;
        HttpClient http = HttpClient.newHttpClient();
        double[] adapter = latencies(n, () -> store.occupancyHistory(ids, w));
        double[] rawQ = latencies(n, () -> sql(http, db, rawSql));
        double[] viewQ = latencies(n, () -> sql(http, db, viewSql));
        return String.format(Locale.ROOT, "### History query: 7 days x 20 facilities at 5 minutes (%,d rows of 1-minute data, %d buckets returned, %d queries each)%n%n"
                        + "| query | p50 ms | p95 ms | p99 ms | max ms |%n|---|---:|---:|---:|---:|%n%s%s%s",
                rs.size(), 20 * 7 * 288, n,
                row("QuestDbStore.occupancyHistory (barriers + 5-minute table + JSON mapping)", adapter),
                row("bare SQL over HTTP on the 5-minute aggregate table (body not parsed)", viewQ),
                row("bare SQL over HTTP on the raw table (body not parsed)", rawQ));
    }

    private static String sql(HttpClient http, EmbeddedQuestDb db, String sql) throws Exception {
        URI u = URI.create(db.httpUrl() + "/exec?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(u).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.body());
        }
        return r.body();
    }

    private static double[] latencies(int n, Callable<?> q) throws Exception {
        for (int i = 0; i < 20; i++) {
            q.call();
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            q.call();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static String row(String name, double[] ms) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", name, pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[ms.length - 1]);
    }

    private static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static double median(List<double[]> xs, int i) {
        double[] v = xs.stream().mapToDouble(x -> x[i]).sorted().toArray();
        return v[v.length / 2];
    }
}
