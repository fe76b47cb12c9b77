package de.parkleit.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.parkleit.app.Node;
import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.topic.Topics;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * parkleit on a three-node Apache ActiveMQ Artemis 2.40 cluster (static cluster connection, on-demand load balancing,
 * immediate redistribution, persistent journal; module cluster-broker). Node A's parkleit is connected to broker
 * node 0, node B's to broker node 1, both ingest in one share group; B writes to A's QuestDB. Three gateways publish
 * QoS 1 readings to broker nodes 0, 1 and 2; broker node 2 is killed (SIGKILL) a third of the way through and its
 * gateway fails over to node 0, resending what was not acknowledged. Asserted, as measured (docs/scaling.md,
 * "Artemis"): both instances take a share of the readings of all three gateways, every acknowledged reading is
 * stored exactly once (those the killed node had acknowledged but not forwarded once it is back on its journal),
 * guidance and signs go on from both nodes, and the retained live state on the surviving broker nodes is
 * <em>per node</em>: a fresh subscriber gets only the states published through its node, which is what Artemis
 * does with MQTT retained messages in a cluster.
 */
class ArtemisClusterIT {

    private static final Logger LOG = LoggerFactory.getLogger(ArtemisClusterIT.class);
    static final int PER_FACILITY = 45;
    static final String TRIP = "from=49.4037,8.6756&to=49.4097,8.6918";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ArtemisCluster cluster;
    Topics topics = new Topics("parkleit/v1");
    Node a;
    Node b;
    List<String> facilities;
    Instant base;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(ArtemisCluster.available(), "module cluster-broker not built (target/classpath.txt)");
        Path dir = Files.createTempDirectory("parkleit-artemis-");
        cluster = ArtemisCluster.start(dir, 3);
        String run = UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> envA = nodeEnv(cluster.url(0), "artemis-a-" + run, run);
        a = ReliabilityNodes.start(envA);
        Map<String, String> envB = nodeEnv(cluster.url(1), "artemis-b-" + run, run);
        envB.put("PARKLEIT_QUESTDB_URL", "http://127.0.0.1:" + envA.get("PARKLEIT_QUESTDB_HTTP_PORT"));
        b = ReliabilityNodes.start(envB);
        facilities = a.city().facilities().stream().map(f -> f.id()).sorted().toList();
        base = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    private static Map<String, String> nodeEnv(String url, String id, String run) throws Exception {
        Map<String, String> env = ReliabilityNodes.env(url, "parkleit/v1", id);
        env.put("PARKLEIT_INGEST_SHARE_GROUP", "parkleit-ingest-" + run);
        env.put("PARKLEIT_SIGN_VALIDITY", "10s");
        return env;
    }

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {b, a, cluster}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                LOG.warn("closing {}: {}", c, e.toString());
            }
        }
    }

    @Test
    void twoInstancesShareTheInputOfThreeBrokerNodesAndOneNodeDiesMidRun() throws Exception {
        long t0 = System.nanoTime();
        int total = facilities.size() * PER_FACILITY;
        Map<String, Integer> acked = new ConcurrentHashMap<>();
        AtomicInteger resent = new AtomicInteger();
        CountDownLatch thirdOfGw2 = new CountDownLatch(1);
        List<Thread> gateways = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            int gw = g;
            List<String> mine = new ArrayList<>();
            for (int k = 0; k < facilities.size(); k++) {
                if (k % 3 == gw) {
                    mine.add(facilities.get(k));
                }
            }
            // gateway 2 publishes to broker node 2 and fails over to node 0 when it dies
            String[] uris = gw == 2 ? new String[] {cluster.url(2), cluster.url(0)} : new String[] {cluster.url(gw)};
            Thread t = new Thread(() -> {
                try {
                    runGateway(gw, uris, mine, acked, resent, gw == 2 ? thirdOfGw2 : null);
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "gateway-" + gw);
            gateways.add(t);
            t.start();
        }
        assertThat(thirdOfGw2.await(60, TimeUnit.SECONDS)).as("gateway 2 got a third through").isTrue();
        cluster.kill(2);
        long killedAt = System.nanoTime();
        for (Thread t : gateways) {
            t.join(120_000);
        }
        assertThat(failures).as("gateway failures").isEmpty();
        assertThat(acked).as("readings acknowledged by the broker").hasSize(total);

        boolean allWithoutNode2 = awaitStored(total, Duration.ofSeconds(15));
        long storedWithoutNode2 = storedSum();
        LOG.info("artemis cluster: {} readings acknowledged ({} resent after the failover), {} stored {} ms after node 2 died",
                total, resent.get(), storedWithoutNode2, (System.nanoTime() - killedAt) / 1_000_000);
        if (!allWithoutNode2) {
            // what node 2 had acknowledged but not yet forwarded waits in its journal (the cluster's store-and-forward queue)
            long restart = System.nanoTime();
            cluster.restart(2);
            assertThat(awaitStored(total, Duration.ofSeconds(30))).as("all %s stored once node 2 is back", total).isTrue();
            LOG.info("artemis cluster: {} readings were held in the killed node's journal; all stored {} ms after its restart",
                    total - storedWithoutNode2, (System.nanoTime() - restart) / 1_000_000);
        }
        assertThat(storedRows()).as("rows per facility: every acknowledged reading exactly once")
                .allSatisfy((f, n) -> assertThat(n).as(f).isEqualTo(PER_FACILITY));
        double accA = metricSum(a, "parkleit_ingest_accepted_total");
        double accB = metricSum(b, "parkleit_ingest_accepted_total");
        LOG.info("artemis cluster: ingest A accepted {}, B accepted {} (sum {} of {} acknowledged + {} resent)", accA, accB,
                accA + accB, total, resent.get());
        assertThat(Math.min(accA, accB)).as("each instance took a share (A=%s, B=%s)", accA, accB).isGreaterThan(total * 0.1);
        assertThat(accA + accB).as("no reading delivered to both instances beyond the resent ones")
                .isBetween((double) total, (double) total + resent.get());

        guidanceAndSignsGoOn();
        retainedStatePerNode();
        LOG.info("artemis cluster: test body took {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    /** Fresh readings through broker node 1: both instances show them, answer guidance alike and keep every sign going. */
    private void guidanceAndSignsGoOn() throws Exception {
        Instant fresh = Instant.now().minusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        MqttClient gw = ArtemisCluster.client(cluster.url(1), "fresh-gw");
        for (int k = 0; k < facilities.size(); k++) {
            String f = facilities.get(k);
            int capacity = a.city().facilities().stream().filter(x -> x.id().equals(f)).findFirst().orElseThrow().capacity();
            gw.publish(topics.occupancy(f), ReadingCodec.encode(new OccupancyReading(f, fresh, Math.min(capacity, 10 + (k * 11) % 40),
                    null, null)), 1, false);
        }
        gw.disconnect();
        gw.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && !(allAt(liveState(a), fresh) && allAt(liveState(b), fresh))) {
            Thread.sleep(200);
        }
        assertThat(liveState(b)).as("fresh live state on B").isEqualTo(liveState(a))
                .allSatisfy((f, v) -> assertThat(v).endsWith(fresh.toString()));
        String onA = guidance(a);
        String onB = guidance(b);
        LOG.info("artemis cluster guidance: A {} / B {}", onA, onB);
        assertThat(onA).startsWith("200 heidelberg");
        assertThat(onB).startsWith("200 heidelberg");

        Map<String, Set<String>> heard0 = listenToSigns(cluster.url(0), Duration.ofSeconds(6));
        Map<String, Set<String>> heard1 = listenToSigns(cluster.url(1), Duration.ofSeconds(6));
        Set<String> signs = signIds(a);
        LOG.info("artemis cluster signs: {} signs; heard on broker node 0 {}, on node 1 {}", signs.size(), heard0.keySet(), heard1.keySet());
        assertThat(signs).isNotEmpty();
        assertThat(heard0.keySet()).as("every sign republished, heard on broker node 0").isEqualTo(signs);
        assertThat(heard1.keySet()).as("every sign republished, heard on broker node 1").isEqualTo(signs);
    }

    /**
     * A fresh subscriber on each surviving broker node: every facility has a retained state there (ingest published
     * one through that node: its unknown at start or a state after a reading it took), and the newest state
     * (the one both instances serve) is retained on at least one node; that it is on both is not asserted,
     * because Artemis keeps a retained message on the node it was published to (measured, docs/scaling.md).
     */
    private void retainedStatePerNode() throws Exception {
        Map<String, String> live = liveState(a);
        Map<String, String> on0 = retained(cluster.url(0));
        Map<String, String> on1 = retained(cluster.url(1));
        long current0 = live.keySet().stream().filter(f -> live.get(f).equals(on0.get(f))).count();
        long current1 = live.keySet().stream().filter(f -> live.get(f).equals(on1.get(f))).count();
        long onEither = live.keySet().stream().filter(f -> live.get(f).equals(on0.get(f)) || live.get(f).equals(on1.get(f))).count();
        LOG.info("artemis cluster retained states: {} facilities; current on broker node 0: {}, on node 1: {}, on either: {}",
                live.size(), current0, current1, onEither);
        assertThat(on0.keySet()).as("retained states on broker node 0").isEqualTo(live.keySet());
        assertThat(on1.keySet()).as("retained states on broker node 1").isEqualTo(live.keySet());
        assertThat(onEither).as("the newest state of every facility is retained on some surviving node").isEqualTo(live.size());
    }

    private void runGateway(int gw, String[] uris, List<String> mine, Map<String, Integer> acked, AtomicInteger resent,
                            CountDownLatch third) throws Exception {
        MqttClient c = connect(gw, uris);
        int sent = 0;
        for (int i = 0; i < PER_FACILITY; i++) {
            for (String f : mine) {
                OccupancyReading r = new OccupancyReading(f, base.plusSeconds(i), (i * 7 + f.length()) % 50, null, null);
                boolean first = true;
                while (true) {
                    try {
                        c.publish(topics.occupancy(f), ReadingCodec.encode(r), 1, false);
                        break;
                    } catch (MqttException e) {
                        // the broker node is gone: reconnect (to the next URI) and resend, as a gateway does
                        if (first) {
                            LOG.info("gateway {} lost its broker ({}); reconnecting", gw, e.getMessage());
                            first = false;
                        }
                        resent.incrementAndGet();
                        try {
                            c.close(true);
                        } catch (MqttException ignored) {
                            // closing a dead client
                        }
                        Thread.sleep(200);
                        c = connect(gw, uris);
                    }
                }
                acked.merge(f + "@" + i, 1, Integer::sum);
                sent++;
                if (third != null && sent == mine.size() * PER_FACILITY / 3) {
                    third.countDown();
                }
            }
        }
        c.disconnect();
        c.close();
    }

    private static MqttClient connect(int gw, String[] uris) throws Exception {
        MqttException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            MqttClient c = new MqttClient(uris[0], "gw-" + gw + "-" + UUID.randomUUID().toString().substring(0, 6), new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setServerURIs(uris);
            o.setCleanSession(true);
            o.setConnectionTimeout(3);
            try {
                c.connect(o);
                c.setTimeToWait(5_000);
                return c;
            } catch (MqttException e) {
                last = e;
                c.close();
                Thread.sleep(200);
            }
        }
        throw last;
    }

    /** Topic to "free@updatedAt" of the retained states a fresh subscriber on {@code url} gets within a second. */
    private Map<String, String> retained(String url) throws Exception {
        Map<String, String> out = new ConcurrentHashMap<>();
        MqttClient c = ArtemisCluster.client(url, "retained-probe");
        c.subscribe(topics.facilityStateFilter(), 1, (t, m) -> {
            if (m.isRetained()) {
                JsonObject s = new JsonObject(new String(m.getPayload(), StandardCharsets.UTF_8));
                out.put(t.substring(t.lastIndexOf('/') + 1), s.getValue("free") + "@" + s.getString("updatedAt"));
            }
        });
        Thread.sleep(1_500);
        c.disconnect();
        c.close();
        return new TreeMap<>(out);
    }

    /** Sign id to the contents heard on {@code url} within {@code d} (retained frames dropped). */
    private Map<String, Set<String>> listenToSigns(String url, Duration d) throws Exception {
        Map<String, Set<String>> heard = new TreeMap<>();
        MqttClient c = ArtemisCluster.client(url, "sign-listener");
        c.subscribe(topics.signFilter(), 1, (t, m) -> {
            if (!m.isRetained()) {
                JsonObject frame = new JsonObject(new String(m.getPayload(), StandardCharsets.UTF_8));
                synchronized (heard) {
                    heard.computeIfAbsent(frame.getString("sign"), x -> new TreeSet<>()).add(frame.getJsonArray("lines").encode());
                }
            }
        });
        Thread.sleep(d.toMillis());
        c.disconnect();
        c.close();
        synchronized (heard) {
            return new TreeMap<>(heard);
        }
    }

    private static Set<String> signIds(Node n) throws Exception {
        Set<String> out = new TreeSet<>();
        for (Object o : new JsonArray(get(n, "/api/v1/signs").body())) {
            out.add(((JsonObject) o).getString("id"));
        }
        return out;
    }

    private static boolean allAt(Map<String, String> state, Instant ts) {
        return !state.isEmpty() && state.values().stream().allMatch(v -> v.endsWith(ts.toString()));
    }

    private static String guidance(Node n) throws Exception {
        HttpResponse<String> r = get(n, "/api/v1/guidance?" + TRIP);
        if (r.statusCode() != 200) {
            return r.statusCode() + " " + r.body();
        }
        JsonObject answer = new JsonObject(r.body());
        return "200 " + answer.getString("recommended");
    }

    private boolean awaitStored(int n, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (storedSum() >= n) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private long storedSum() {
        return storedRows().values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<String, Long> storedRows() {
        Map<String, Long> out = new TreeMap<>();
        for (String f : facilities) {
            out.put(f, a.store().countOccupancy(f, base, base.plusSeconds(PER_FACILITY)));
        }
        return out;
    }

    /** facility id to "free@updatedAt" from GET /api/v1/facilities. */
    private static Map<String, String> liveState(Node n) throws Exception {
        HttpResponse<String> r = get(n, "/api/v1/facilities");
        assertThat(r.statusCode()).isEqualTo(200);
        Object parsed = io.vertx.core.json.Json.decodeValue(r.body());
        JsonArray arr = parsed instanceof JsonArray ja ? ja : ((JsonObject) parsed).getJsonArray("facilities");
        Map<String, String> out = new TreeMap<>();
        for (Object o : arr) {
            JsonObject f = (JsonObject) o;
            out.put(f.getString("id"), f.getValue("free") + "@" + f.getString("updatedAt"));
        }
        return out;
    }

    private static HttpResponse<String> get(Node n, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.httpPort() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double metricSum(Node n, String name) throws Exception {
        double sum = 0;
        for (String line : get(n, "/metrics").body().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
