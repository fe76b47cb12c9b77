package de.parkleit.bench.ingest;

import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.SpaceReading;
import de.parkleit.core.topic.Topics;
import de.parkleit.ingest.IngestConfig;
import de.parkleit.platform.store.StoreOptions;
import de.parkleit.platform.store.questdb.EmbeddedQuestDb;
import de.parkleit.platform.store.questdb.QuestDbStore;
import de.parkleit.platform.testing.DiscardingStore;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    /**
     * Readings per message of the throughput runs ({@code -Dbench.pack}, default {@code 1}; a list such as
     * {@code 1,10} runs each in the same rounds): 1 is one native v1 occupancy message per reading, k &gt; 1
     * SenML packs of k readings ({@link SenmlPack}). The bridge decodes native messages only and is left
     * out of packed runs.
     */
    private final List<Integer> packs = java.util.Arrays.stream(System.getProperty("bench.pack", "1").split(","))
            .map(String::trim).map(Integer::valueOf).toList();

    /**
     * {@code PARKLEIT_INGEST_STATE_INTERVAL} values in ms ({@code -Dbench.stateIntervalMs}, default the product's
     * 250): throughput runs use the first; the latency runs measure each (a list such as {@code 250,0}).
     */
    private final List<Duration> stateIntervals = java.util.Arrays.stream(
                    System.getProperty("bench.stateIntervalMs", String.valueOf(IngestConfig.DEFAULT_STATE_INTERVAL.toMillis()))
                            .split(","))
            .map(String::trim).map(v -> Duration.ofMillis(Long.parseLong(v))).toList();

    /** One consumer of a throughput round: what it is, the ingest variant (for ingest) and the readings per message. */
    private record Run(String name, String kind, String variant, int pack) {
    }

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

    private static String packed(String name, int pack) {
        return pack == 1 ? name : String.format(Locale.ROOT, "%s, SenML packs of %d readings", name, pack);
    }

    private List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        for (int pack : packs) {
            runs.add(new Run(packed("mosquitto_sub to a file", pack), "floor", null, pack));
            if (pack == 1) {
                runs.add(new Run("Paho-to-line-protocol bridge", "bridge", null, 1));
            }
            ingestVariants.forEach(v -> runs.add(new Run(packed(ingestName(v), pack), "ingest", v, pack)));
        }
        return runs;
    }

    private void throughput(int qos, int n, int rounds, boolean print) throws Exception {
        List<Run> order = runs();
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < order.size(); k++) {
                Run run = order.get((k + r) % order.size());
                String which = run.name();
                double[] res = switch (run.kind()) {
                    case "floor" -> floor(qos, n, run.pack());
                    case "bridge" -> bridge(qos, n);
                    default -> run.variant().equals("1") ? pipeline(broker, qos, n, null, 1, run.pack())
                            : pipeline(broker, qos, n, "bench-ingest", Integer.parseInt(run.variant().replace("s", "")), run.pack());
                };
                results.computeIfAbsent(which + " | " + qos, x -> new ArrayList<>()).add(res);
                System.out.printf(Locale.ROOT, "round %d qos %d %-70s %,10.0f readings/s (%,.0f messages/s), %d of %d, published at "
                        + "%,.0f/s, CPU cores: broker %.2f, bench JVM %.2f, machine %.2f%n", r, qos, which, res[0], res[7], (long) res[1],
                        n, res[3], res[4], res[5], res[6]);
            }
        }
        if (print) {
            int mark = report.length();
            table(qos, n, rounds, order.stream().map(Run::name).toArray(String[]::new));
            System.out.print(report.substring(mark));
        }
    }

    /**
     * mosquitto_sub writing every message to a file: the broker's ceiling. Readings delivered are counted as
     * messages (lines) times {@code pack}, exact when every message arrived.
     */
    private double[] floor(int qos, int n, int pack) throws Exception {
        Topics topics = new Topics("bench-" + UUID.randomUUID().toString().substring(0, 8) + "/parkleit/v1");
        Path out = tmp.resolve("sub-" + UUID.randomUUID() + ".txt");
        long messages = LoadPublisher.messages(n, publishers, pack);
        Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(broker.port()),
                "-q", Integer.toString(qos), "-t", topics.root() + "/#", "-C", Long.toString(messages))
                .redirectOutput(out.toFile()).redirectErrorStream(true).start();
        Thread.sleep(1_000);
        double published;
        boolean done;
        long t0;
        long t1;
        double[] cores;
        try (Publishers pub = new Publishers(broker.url(), publishers)) { // connected before t0, as for the other consumers
            t0 = System.nanoTime();
            CpuMeter cpu = new CpuMeter(broker.pid()).start();
            published = n / pub.flood(topics, n, FACILITIES, base(n), qos, pack);
            done = sub.waitFor(60, TimeUnit.SECONDS);
            t1 = System.nanoTime();
            cores = cpu.cores(t1);
        }
        sub.destroy();
        long lines;
        try (var s = Files.lines(out)) {
            lines = s.count();
        }
        Files.deleteIfExists(out);
        double seconds = (t1 - t0) / 1e9;
        long readings = lines == messages ? n : lines * pack;
        return new double[] {readings / seconds, readings, done ? 0 : 1, published, cores[0], cores[1], cores[2], lines / seconds};
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
            double rate = end[1] / ((end[0] - t0) / 1e9);
            return new double[] {rate, visible, 0, published, cores[0], cores[1], cores[2], rate};
        }
    }

    private double[] pipeline(Mosquitto via, int qos, int n) throws Exception {
        return pipeline(via, qos, n, null, 1, 1);
    }

    /**
     * Ingest with {@code pack} readings per message. Returns {readings/s until the last was stored, rows visible in
     * QuestDB (one per reading), readings spooled, publish rate, broker / JVM / machine CPU cores, messages/s}.
     */
    private double[] pipeline(Mosquitto via, int qos, int n, String shareGroup, int connections, int pack) throws Exception {
        Topics topics = new Topics("bench-" + UUID.randomUUID().toString().substring(0, 8) + "/parkleit/v1");
        Instant base = base(n);
        try (Pipeline p = new Pipeline(vertx, via.url(), topics.root(), Pipeline.city(FACILITIES, 1000), store,
                tmp.resolve("spool-" + UUID.randomUUID()), shareGroup, connections, stateIntervals.get(0));
             Publishers pub = new Publishers(via.url(), publishers)) {
            long t0 = System.nanoTime();
            CpuMeter cpu = new CpuMeter(via.pid()).start();
            double published = n / pub.flood(topics, n, FACILITIES, base, qos, pack);
            long[] end = awaitCount(p::stored, n, t0);
            double[] cores = cpu.cores(end[0]);
            long visible = count.await(base, base.plusSeconds(n / FACILITIES + 1), n, 10_000);
            if (p.rejected() > 0) {
                throw new IllegalStateException(p.rejected() + " readings rejected");
            }
            double rate = end[1] / ((end[0] - t0) / 1e9);
            if (p.accepted() != LoadPublisher.messages(n, publishers, pack)) {
                System.out.printf(Locale.ROOT, "  accepted %,d messages, published %,d%n", p.accepted(),
                        LoadPublisher.messages(n, publishers, pack));
            }
            return new double[] {rate, visible, p.spooled(), published, cores[0], cores[1], cores[2],
                rate * LoadPublisher.messages(n, publishers, pack) / n};
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
        report.append("| consumer | readings/s (median) | all rounds | messages/s (median) | delivered/stored of published "
                + "| publish rate, readings/s (median) | broker CPU, cores | broker CPU per message, µs | bench JVM CPU, cores "
                + "| machine CPU busy, cores |\n|---|---|---|---|---|---|---|---|---|---|\n");
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
            double[] brokerUs = rs.stream().mapToDouble(x -> x[4] / x[7] * 1e6).sorted().toArray();
            report.append(String.format(Locale.ROOT, "| %s | %,.0f | %s | %,.0f | %s | %,.0f | %.2f | %.1f | %.2f | %.2f |%n", which,
                    median, all, medianOf(rs, 7),
                    minDelivered == n ? "all, every round" : "min " + String.format(Locale.ROOT, "%,d", minDelivered),
                    pubRates[pubRates.length / 2], medianOf(rs, 4), brokerUs[brokerUs.length / 2], medianOf(rs, 5), medianOf(rs, 6)));
        }
        for (String which : order) {
            List<double[]> p = results.get(which + " | " + qos);
            if (which.startsWith("parkleit") && !which.contains("SenML") && bridgeMedian > 0) { // same messages as the bridge
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
            for (Duration interval : stateIntervals) {
                String with = ", state interval " + interval.toMillis() + " ms";
                String row = latency(facilities, seconds, store, "parkleit ingest pipeline" + with, interval);
                if (interval.equals(stateIntervals.get(0))) {
                    heap.append(row);
                }
            }
            latency(facilities, seconds, new DiscardingStore(), "parkleit ingest pipeline, store discarding (diagnostic)",
                    stateIntervals.get(0));
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

    private String latency(int facilities, int seconds, de.parkleit.platform.store.TimeSeriesStore target, String who,
                           Duration stateInterval) throws Exception {
        Topics topics = new Topics("bench-" + UUID.randomUUID().toString().substring(0, 8) + "/parkleit/v1");
        long before = heapAfterGc();
        try (Pipeline p = new Pipeline(vertx, broker.url(), topics.root(), Pipeline.city(facilities, 1000), target,
                tmp.resolve("spool-" + UUID.randomUUID()), null, 1, stateInterval);
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
                tmp.resolve("spool-" + UUID.randomUUID()), null, 1, stateIntervals.get(0))) {
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
