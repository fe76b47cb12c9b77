package de.parkleit.bench.ingest;

import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.SpaceReading;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.store.StoreOptions;
import de.parkleit.platform.store.questdb.EmbeddedQuestDb;
import de.parkleit.platform.store.questdb.QuestDbStore;
import de.parkleit.platform.testing.DiscardingStore;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * {@code IngestBench qos0Readings qos1Readings rounds latencySeconds targetDir}: see docs/benchmarks.md, section Ingest.
 */
public final class IngestBench {

    static final int FACILITIES = 1_000;
    private final Path tmp;
    private final Mosquitto broker;
    private final EmbeddedQuestDb db;
    private final QuestDbStore store;
    private final QuestDbCount count;
    private final Vertx vertx = Vertx.vertx();
    private final Map<String, List<double[]>> results = new LinkedHashMap<>();
    private final StringBuilder report = new StringBuilder();
    private Instant nextBase = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    /** Publisher connections feeding each throughput run ({@code -Dbench.publishers}, default 1). */
    private final int publishers = Integer.getInteger("bench.publishers", 1);
    /**
     * Ingest variants of the throughput runs ({@code -Dbench.ingest}, default {@code 1}): {@code 1} is one input
     * connection subscribed plainly (today's default without a share group), {@code Ns} N input connections
     * through a share group ({@code PARKLEIT_INGEST_CONNECTIONS=N}).
     */
    private final List<String> ingestVariants = List.of(System.getProperty("bench.ingest", "1").split(","));

    private IngestBench(Path tmp) throws Exception {
        this.tmp = tmp;
        broker = new Mosquitto(tmp, 1000);
        db = EmbeddedQuestDb.start(tmp.resolve("questdb"), 0);
        store = QuestDbStore.open(db.httpUrl(), StoreOptions.defaults());
        count = new QuestDbCount(db.httpUrl());
    }

    public static void main(String[] args) throws Exception {
        int qos0 = Integer.parseInt(args[0]);
        int qos1 = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int latencySeconds = Integer.parseInt(args[3]);
        Path target = Path.of(args[4]);
        Path tmp = Files.createTempDirectory("ingest-bench");
        IngestBench b = new IngestBench(tmp);
        try {
            if (qos0 > 0) {
                b.throughput(0, Math.min(qos0, 50_000), 1, false);
                b.results.clear();
                b.throughput(0, qos0, rounds, true);
            }
            if (qos1 > 0) {
                if (qos0 == 0) {
                    b.throughput(1, Math.min(qos1, 50_000), 1, false); // warm-up
                    b.results.clear();
                }
                b.throughput(1, qos1, rounds, true);
                if (!Boolean.getBoolean("bench.skipDefaultInflight")) {
                    b.defaultInflight(qos1 / 4);
                }
            }
            if (latencySeconds > 0) {
                b.latencyAndHeap(latencySeconds);
            }
        } finally {
            b.close();
        }
        Files.createDirectories(target);
        Files.writeString(target.resolve("ingest-bench.md"), b.report);
        System.out.println(b.report);
        System.exit(0);
    }

    private Instant base(int n) {
        Instant b = nextBase;
        nextBase = nextBase.plusSeconds(n / FACILITIES + 60);
        return b;
    }

    private static final String PIPELINE = "parkleit ingest pipeline";

    private static String ingestName(String variant) {
        if (variant.equals("1")) {
            return PIPELINE;
        }
        int c = Integer.parseInt(variant.replace("s", ""));
        return String.format(Locale.ROOT, "parkleit ingest, %d input connection%s, share group", c, c == 1 ? "" : "s");
    }

    private void throughput(int qos, int n, int rounds, boolean print) throws Exception {
        List<String> consumers = new ArrayList<>(List.of("mosquitto_sub to a file", "Paho-to-line-protocol bridge"));
        ingestVariants.forEach(v -> consumers.add(ingestName(v)));
        String[] order = consumers.toArray(new String[0]);
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < order.length; k++) {
                String which = order[(k + r) % order.length];
                double[] res = switch (which) {
                    case "mosquitto_sub to a file" -> floor(qos, n);
                    case "Paho-to-line-protocol bridge" -> bridge(qos, n);
                    default -> {
                        String v = ingestVariants.get(consumers.indexOf(which) - 2);
                        yield v.equals("1") ? pipeline(broker, qos, n, null, 1)
                                : pipeline(broker, qos, n, "bench-ingest", Integer.parseInt(v.replace("s", "")));
                    }
                };
                results.computeIfAbsent(which + " | " + qos, x -> new ArrayList<>()).add(res);
                System.out.printf(Locale.ROOT, "round %d qos %d %-52s %,10.0f readings/s, %d of %d, published at %,.0f/s, "
                        + "CPU cores: broker %.2f, bench JVM %.2f, machine %.2f%n", r, qos, which, res[0], (long) res[1], n, res[3], res[4],
                        res[5], res[6]);
            }
        }
        if (print) {
            int mark = report.length();
            table(qos, n, rounds, order);
            System.out.print(report.substring(mark));
        }
    }

    /** mosquitto_sub writing every message to a file: the broker's ceiling. */
    private double[] floor(int qos, int n) throws Exception {
        Topics topics = new Topics("bench-" + UUID.randomUUID().toString().substring(0, 8) + "/parkleit/v1");
        Path out = tmp.resolve("sub-" + UUID.randomUUID() + ".txt");
        Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(broker.port()),
                "-q", Integer.toString(qos), "-t", topics.root() + "/#", "-C", Integer.toString(n))
                .redirectOutput(out.toFile()).redirectErrorStream(true).start();
        Thread.sleep(1_000);
        long t0 = System.nanoTime();
        CpuMeter cpu = new CpuMeter(broker.pid()).start();
        double published;
        try (Publishers pub = new Publishers(broker.url(), publishers)) {
            published = n / pub.flood(topics, n, FACILITIES, base(n), qos);
        }
        boolean done = sub.waitFor(60, TimeUnit.SECONDS);
        long t1 = System.nanoTime();
        double[] cores = cpu.cores(t1);
        sub.destroy();
        long lines;
        try (var s = Files.lines(out)) {
            lines = s.count();
        }
        Files.deleteIfExists(out);
        return new double[] {lines / ((t1 - t0) / 1e9), lines, done ? 0 : 1, published, cores[0], cores[1], cores[2]};
    }

    private double[] bridge(int qos, int n) throws Exception {
        Topics topics = new Topics("bench-" + UUID.randomUUID().toString().substring(0, 8) + "/parkleit/v1");
        Instant base = base(n);
        try (PahoBridge bridge = new PahoBridge(broker.url(), db.httpUrl(), topics.root() + "/#", qos);
             Publishers pub = new Publishers(broker.url(), publishers)) {
            long t0 = System.nanoTime();
            CpuMeter cpu = new CpuMeter(broker.pid()).start();
            double published = n / pub.flood(topics, n, FACILITIES, base, qos);
            long[] end = awaitCount(bridge::written, n, t0);
            double[] cores = cpu.cores(end[0]);
            long visible = count.await(base, base.plusSeconds(n / FACILITIES + 1), n, 10_000);
            return new double[] {end[1] / ((end[0] - t0) / 1e9), visible, 0, published, cores[0], cores[1], cores[2]};
        }
    }

    private double[] pipeline(Mosquitto via, int qos, int n) throws Exception {
        return pipeline(via, qos, n, null, 1);
    }

    private double[] pipeline(Mosquitto via, int qos, int n, String shareGroup, int connections) throws Exception {
        Topics topics = new Topics("bench-" + UUID.randomUUID().toString().substring(0, 8) + "/parkleit/v1");
        Instant base = base(n);
        try (Pipeline p = new Pipeline(vertx, via.url(), topics.root(), Pipeline.city(FACILITIES, 1000), store,
                tmp.resolve("spool-" + UUID.randomUUID()), shareGroup, connections);
             Publishers pub = new Publishers(via.url(), publishers)) {
            long t0 = System.nanoTime();
            CpuMeter cpu = new CpuMeter(via.pid()).start();
            double published = n / pub.flood(topics, n, FACILITIES, base, qos);
            long[] end = awaitCount(p::stored, n, t0);
            double[] cores = cpu.cores(end[0]);
            long visible = count.await(base, base.plusSeconds(n / FACILITIES + 1), n, 10_000);
            if (p.rejected() > 0) {
                throw new IllegalStateException(p.rejected() + " readings rejected");
            }
            return new double[] {end[1] / ((end[0] - t0) / 1e9), visible, p.spooled(), published, cores[0], cores[1], cores[2]};
        }
    }

    /** Waits until {@code n} are counted or the count has not moved for 10 s; returns {time of the last increase, count}. */
    private static long[] awaitCount(LongSupplier counter, long n, long t0) throws InterruptedException {
        long last = counter.getAsLong();
        long lastChange = System.nanoTime();
        while (last < n && System.nanoTime() - lastChange < 10_000_000_000L) {
            Thread.sleep(2);
            long c = counter.getAsLong();
            if (c != last) {
                last = c;
                lastChange = System.nanoTime();
            }
        }
        return new long[] {lastChange, last};
    }

    private void defaultInflight(int n) throws Exception {
        try (Mosquitto defaults = new Mosquitto(tmp, 20)) {
            double[] r = pipeline(defaults, 1, n);
            String line = String.format(Locale.ROOT, "%nQoS 1, parkleit ingest pipeline against a Mosquitto with its default "
                    + "`max_inflight_messages 20`: %,.0f readings/s (%,d readings, %,d stored).%n", r[0], n, (long) r[1]);
            report.append(line);
            System.out.print(line);
        }
    }

    private void table(int qos, int n, int rounds, String[] order) {
        report.append(String.format(Locale.ROOT, "%n### QoS %d, %,d readings from %d publisher%s over %,d facilities, %d rounds%n%n",
                qos, n, publishers, publishers == 1 ? "" : "s", FACILITIES, rounds));
        report.append("| consumer | readings/s (median) | all rounds | delivered/stored of published | publish rate (median) "
                + "| broker CPU, cores | bench JVM CPU, cores | machine CPU busy, cores |\n|---|---|---|---|---|---|---|---|\n");
        double bridgeMedian = 0;
        for (String which : order) {
            List<double[]> rs = results.get(which + " | " + qos);
            double[] rates = rs.stream().mapToDouble(x -> x[0]).sorted().toArray();
            double median = rates[rates.length / 2];
            if (which.startsWith("Paho")) {
                bridgeMedian = median;
            }
            StringBuilder all = new StringBuilder();
            for (double[] x : rs) {
                all.append(all.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,.0f", x[0]));
            }
            long minDelivered = rs.stream().mapToLong(x -> (long) x[1]).min().orElse(0);
            double[] pubRates = rs.stream().mapToDouble(x -> x[3]).sorted().toArray();
            report.append(String.format(Locale.ROOT, "| %s | %,.0f | %s | %s | %,.0f | %.2f | %.2f | %.2f |%n", which, median, all,
                    minDelivered == n ? "all, every round" : "min " + String.format(Locale.ROOT, "%,d", minDelivered),
                    pubRates[pubRates.length / 2], medianOf(rs, 4), medianOf(rs, 5), medianOf(rs, 6)));
        }
        for (String which : order) {
            List<double[]> p = results.get(which + " | " + qos);
            if (which.startsWith("parkleit")) {
                double pm = p.stream().mapToDouble(x -> x[0]).sorted().toArray()[p.size() / 2];
                report.append(String.format(Locale.ROOT, "%n%s / bridge: %.2f.", which, pm / bridgeMedian));
            }
        }
        report.append('\n');
    }

    private static double medianOf(List<double[]> rs, int column) {
        double[] v = rs.stream().mapToDouble(x -> x[column]).sorted().toArray();
        return v[v.length / 2];
    }

    private void latencyAndHeap(int seconds) throws Exception {
        report.append("\n### Publish-to-live-state latency and heap\n\n");
        report.append("| consumer | facilities | readings measured | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
        StringBuilder heap = new StringBuilder("\n| sensors | heap before ingest | after deploy | after every sensor reported |\n"
                + "|---|---|---|---|\n");
        for (int facilities : new int[] {10_000, 20}) {
            echoLatency(facilities, seconds);
            heap.append(latency(facilities, seconds, store, "parkleit ingest pipeline"));
            latency(facilities, seconds, new DiscardingStore(), "parkleit ingest pipeline, store discarding (diagnostic)");
        }
        heap.append(spacesHeap(10_000));
        report.append(heap);
    }

    /** The floor: the same load through {@link EchoRelay}. */
    private void echoLatency(int facilities, int seconds) throws Exception {
        Topics topics = new Topics("bench-" + UUID.randomUUID().toString().substring(0, 8) + "/parkleit/v1");
        try (EchoRelay echo = new EchoRelay(broker.url(), topics.root());
             LatencyProbe probe = new LatencyProbe(broker.url(), topics.facilityStateFilter());
             LoadPublisher pub = new LoadPublisher(broker.url())) {
            paced(pub, probe, topics, facilities, seconds);
            Thread.sleep(1_000);
            latencyRow("bare Paho echo (floor)", facilities, probe);
        }
    }

    private static void paced(LoadPublisher pub, LatencyProbe probe, Topics topics, int facilities, int seconds) throws Exception {
        int warmup = 1000 * Math.min(5, seconds / 3);
        Instant[] ts = new Instant[1];
        pub.paced(topics, 1000, seconds, facilities, i -> {
            probe.recording(i >= warmup);
            ts[0] = Instant.now();
            probe.sent(LoadPublisher.facility(i, facilities), ts[0]);
        }, i -> new OccupancyReading(LoadPublisher.facility(i, facilities), ts[0], i % 1000, null, null));
    }

    private void latencyRow(String who, int facilities, LatencyProbe probe) {
        double[] l = probe.percentiles();
        String row = String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f | %.1f | %.1f |%n", who, facilities, (long) l[3], l[0], l[1], l[2]);
        report.append(row);
        System.out.print(row);
        if (probe.unanswered() > 0) {
            report.append("(" + probe.unanswered() + " readings never saw their state)\n");
        }
    }

    private String latency(int facilities, int seconds, de.parkleit.platform.store.TimeSeriesStore target, String who)
            throws Exception {
        Topics topics = new Topics("bench-" + UUID.randomUUID().toString().substring(0, 8) + "/parkleit/v1");
        long before = heapAfterGc();
        try (Pipeline p = new Pipeline(vertx, broker.url(), topics.root(), Pipeline.city(facilities, 1000), target,
                tmp.resolve("spool-" + UUID.randomUUID()));
             LatencyProbe probe = new LatencyProbe(broker.url(), topics.facilityStateFilter());
             LoadPublisher pub = new LoadPublisher(broker.url())) {
            long deployed = heapAfterGc();
            paced(pub, probe, topics, facilities, seconds);
            awaitCount(p::stored, 1000L * seconds, System.nanoTime());
            Thread.sleep(500);
            long fed = heapAfterGc();
            latencyRow(who, facilities, probe);
            double[] w = p.storeWriteMs();
            System.out.printf(Locale.ROOT, "  store writes: mean %.1f ms, max %.1f ms, spooled %d%n", w[0], w[1], p.spooled());
            return String.format(Locale.ROOT, "| %,d facilities, one occupancy gateway each | %s | %s | %s |%n",
                    facilities, mib(before), mib(deployed), mib(fed));
        }
    }

    /** 10,000 single-space sensors in 50 facilities of 200 spaces, each reports once. */
    private String spacesHeap(int sensors) throws Exception {
        Topics topics = new Topics("bench-" + UUID.randomUUID().toString().substring(0, 8) + "/parkleit/v1");
        int facilities = sensors / 200;
        long before = heapAfterGc();
        try (Pipeline p = new Pipeline(vertx, broker.url(), topics.root(), Pipeline.city(facilities, 200), store,
                tmp.resolve("spool-" + UUID.randomUUID()))) {
            long deployed = heapAfterGc();
            Instant ts = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            try (LoadPublisher pub = new LoadPublisher(broker.url())) {
                for (int i = 0; i < sensors; i++) {
                    String f = "F" + (i % facilities);
                    pub.publishOne(topics.space(f, "S" + i), ReadingCodec.encode(new SpaceReading(f, "S" + i, ts, i % 3 == 0)), 1,
                            i == sensors - 1);
                }
            }
            awaitCount(p::stored, sensors, System.nanoTime());
            long fed = heapAfterGc();
            return String.format(Locale.ROOT, "| %,d single-space sensors in %d facilities | %s | %s | %s |%n",
                    sensors, facilities, mib(before), mib(deployed), mib(fed));
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    private void close() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
        store.close();
        db.close();
        broker.close();
    }
}
