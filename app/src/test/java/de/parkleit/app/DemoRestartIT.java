package de.parkleit.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * issue 21: {@code demo} (embedded broker and store in the process) is closed after half of a gateway's QoS 1
 * readings and started again on the same data folder and port; the gateway reconnects and sends the rest.
 * Asserted, as measured: every reading sent after the restart is stored exactly once and the live state goes on;
 * of those sent before, none is stored twice, but what the embedded broker had acknowledged and ingest had not
 * yet stored when demo stopped can be lost (docs/reliability.md, "Demo restart"). The gateway is a Paho client with a persistent session that, like a real gateway, resends a
 * reading whose publish failed (connection lost, or Paho's "too many publishes in progress"); the store keeps one
 * row per facility and time stamp.
 */
class DemoRestartIT {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRestartIT.class);
    static final int PER_FACILITY = 100;

    Node node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void everyAcknowledgedReadingIsStoredOnceAcrossADemoRestart() throws Exception {
        Map<String, String> env = NodeFixture.env(null, "parkleit/v1");
        env.put("PARKLEIT_QUESTDB_HTTP_PORT", Integer.toString(de.parkleit.platform.testing.TestBroker.freePort()));
        node = NodeFixture.start(env, Mode.DEMO);
        String url = "tcp://127.0.0.1:" + env.get("PARKLEIT_EMBEDDED_MQTT_PORT");
        Topics topics = new Topics("parkleit/v1");
        List<String> facilities = node.city().facilities().stream().map(f -> f.id()).sorted().toList();
        Instant base = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        int total = facilities.size() * PER_FACILITY;
        String gwId = "restart-gw-" + Long.toHexString(System.nanoTime());
        MqttClient gw = connect(url, gwId);
        int sent = 0;
        long restartedIn = 0;
        Map<Integer, Integer> failures = new TreeMap<>();
        for (int i = 0; i < PER_FACILITY; i++) {
            if (i == PER_FACILITY / 2) {
                long t = System.nanoTime();
                node.close();
                node = NodeFixture.start(env, Mode.DEMO);
                restartedIn = (System.nanoTime() - t) / 1_000_000;
                LOG.info("demo restarted in {} ms after {} readings", restartedIn, sent);
            }
            for (String f : facilities) {
                OccupancyReading r = new OccupancyReading(f, base.plusSeconds(i), (i * 3 + f.length()) % 30, null, null);
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (true) {
                    try {
                        gw.publish(topics.occupancy(f), ReadingCodec.encode(r), 1, false);
                        break;
                    } catch (MqttException e) {
                        assertThat(System.nanoTime()).as("publish acknowledged within 60 s: %s", e.toString()).isLessThan(deadline);
                        LOG.info("gateway: {} ({}) after {} readings; reconnecting", e.getMessage(), e.getReasonCode(), sent);
                        failures.merge(e.getReasonCode(), 1, Integer::sum);
                        try {
                            gw.close(true);
                        } catch (MqttException ignored) {
                            // dead client
                        }
                        Thread.sleep(250);
                        try {
                            gw = connect(url, gwId);
                        } catch (MqttException again) {
                            LOG.info("gateway reconnect failed: {}", again.toString());
                        }
                    }
                }
                sent++;
            }
        }
        gw.disconnect();
        gw.close();
        int half = PER_FACILITY / 2;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, Long> after = rows(facilities, base.plusSeconds(half), base.plusSeconds(PER_FACILITY));
        while (System.nanoTime() < deadline && after.values().stream().mapToLong(Long::longValue).sum() < total / 2) {
            Thread.sleep(250);
            after = rows(facilities, base.plusSeconds(half), base.plusSeconds(PER_FACILITY));
        }
        Map<String, Long> before = rows(facilities, base, base.plusSeconds(half));
        long storedBefore = before.values().stream().mapToLong(Long::longValue).sum();
        LOG.info("demo restart: {} readings acknowledged by the embedded broker; stored {} of the {} sent before the restart, {} of the {} "
                        + "after; restart took {} ms; gateway publish failures by Paho reason code {}", total, storedBefore, total / 2,
                after.values().stream().mapToLong(Long::longValue).sum(), total / 2, restartedIn, failures);
        assertThat(after).as("rows per facility of the readings sent after the restart: every one exactly once")
                .allSatisfy((f, n) -> assertThat(n).as(f).isEqualTo((long) (PER_FACILITY - half)));
        // before the restart: at most once each; what the broker had acknowledged but ingest had not stored when demo
        // stopped may be lost (measured, docs/reliability.md "Demo restart"), so fewer is not a failure
        assertThat(before).as("rows per facility sent before the restart: none twice")
                .allSatisfy((f, n) -> assertThat(n).as(f).isLessThanOrEqualTo((long) half));

        // the live state keeps following readings after the restart (ours, or the demo simulator's, which are newer)
        String f0 = facilities.get(0);
        Instant fresh = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        MqttClient late = connect(url, gwId + "-late");
        late.publish(topics.occupancy(f0), ReadingCodec.encode(new OccupancyReading(f0, fresh, 7, null, null)), 1, false);
        late.disconnect();
        late.close();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            String u = new io.vertx.core.json.JsonObject(facilityJson(f0)).getString("updatedAt");
            return u != null && Instant.parse(u).compareTo(fresh) >= 0;
        });
    }

    private String facilityJson(String id) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + node.httpPort() + "/api/v1/facilities/" + id)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private Map<String, Long> rows(List<String> facilities, Instant from, Instant to) {
        Map<String, Long> out = new TreeMap<>();
        for (String f : facilities) {
            out.put(f, node.store().countOccupancy(f, from, to));
        }
        return out;
    }

    private static MqttClient connect(String url, String id) throws MqttException {
        MqttClient c = new MqttClient(url, id, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(false);
        o.setConnectionTimeout(5);
        c.setTimeToWait(10_000);
        c.connect(o);
        return c;
    }
}
