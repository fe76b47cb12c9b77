package de.parkleit.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.parkleit.app.Node;
import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole node reaches a private Mosquitto (shipped secured config) only through {@link FaultProxy};
 * gateways publish directly. The node's connection is stalled for 20 s mid-stream, then reset with
 * a TCP RST mid-stream: every reading is stored exactly once and the recovery time is logged.
 */
class NetworkFaultsIT {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkFaultsIT.class);
    static final int PER_FACILITY = 100;
    static final Topics TOPICS = new Topics("parkleit/v1");

    SecuredMosquitto broker;
    FaultProxy proxy;
    Node node;
    String password;
    List<String> facilities;
    Instant base;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(SecuredMosquitto.available() && TestCertificates.available(), "needs /usr/sbin/mosquitto and openssl");
        Path dir = Files.createTempDirectory("parkleit-faults-");
        password = "pl-" + UUID.randomUUID();
        broker = SecuredMosquitto.start(dir.resolve("mosquitto"), Map.of("parkleit", password), TestCertificates.create(dir.resolve("tls")));
        proxy = new FaultProxy(Integer.parseInt(broker.url().substring(broker.url().lastIndexOf(':') + 1)));
        Map<String, String> env = ReliabilityNodes.env(proxy.url(), "parkleit/v1", "faults-" + UUID.randomUUID().toString().substring(0, 6));
        env.put("PARKLEIT_MQTT_USERNAME", "parkleit");
        env.put("PARKLEIT_MQTT_PASSWORD", password);
        node = ReliabilityNodes.start(env);
        facilities = node.city().facilities().stream().map(f -> f.id()).sorted().toList();
        base = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {node, proxy, broker}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void aStalledAndThenAResetConnectionLoseNothingAndDoubleNothing() throws Exception {
        MqttClient gw = gateway();
        int total = facilities.size() * PER_FACILITY;

        long faultEnd = publishRound(gw, 0, () -> {
            proxy.stall(true);
            Thread.sleep(20_000);
            proxy.stall(false);
        });
        long lastPublish = System.nanoTime();
        long recoveredStall = awaitStored(total, faultEnd);
        LOG.info("network faults: 20 s stall mid-stream, {} readings stored exactly once {} ms after the stall ended ({} ms after the last publish)",
                total, recoveredStall, (System.nanoTime() - lastPublish) / 1_000_000);
        assertThat(rows()).allSatisfy((f, n) -> assertThat(n).as(f).isEqualTo(PER_FACILITY));

        faultEnd = publishRound(gw, PER_FACILITY, proxy::reset);
        lastPublish = System.nanoTime();
        long recoveredReset = awaitStored(2 * total, faultEnd);
        LOG.info("network faults: TCP reset mid-stream, {} readings stored exactly once {} ms after the reset ({} ms after the last publish)",
                2 * total, recoveredReset, (System.nanoTime() - lastPublish) / 1_000_000);
        assertThat(rows()).allSatisfy((f, n) -> assertThat(n).as(f).isEqualTo(2 * PER_FACILITY));
        gw.disconnect();
    }

    interface Fault {
        void inject() throws Exception;
    }

    /** Publishes one reading per facility per step (about 200/s); injects the fault after a quarter; returns when the fault ended. */
    private long publishRound(MqttClient gw, int offset, Fault fault) throws Exception {
        long faultEnd = 0;
        for (int i = 0; i < PER_FACILITY; i++) {
            for (String f : facilities) {
                gw.publish(TOPICS.occupancy(f), ReadingCodec.encode(new OccupancyReading(f, base.plusSeconds(offset + i), i % 40, null, null)), 1, false);
            }
            Thread.sleep(100);
            if (i == PER_FACILITY / 4) {
                fault.inject();
                faultEnd = System.nanoTime();
            }
        }
        return faultEnd;
    }

    private long awaitStored(int n, long since) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (rows().values().stream().mapToLong(Long::longValue).sum() >= n) {
                return (System.nanoTime() - since) / 1_000_000;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("only " + rows().values().stream().mapToLong(Long::longValue).sum() + " of " + n + " stored after 120 s");
    }

    private Map<String, Long> rows() {
        Map<String, Long> out = new java.util.TreeMap<>();
        for (String f : facilities) {
            out.put(f, node.store().countOccupancy(f, base, base.plusSeconds(3L * PER_FACILITY)));
        }
        return out;
    }

    private MqttClient gateway() throws Exception {
        MqttClient c = new MqttClient(broker.url(), "faults-gw-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(1000);
        o.setUserName("parkleit");
        o.setPassword(password.toCharArray());
        c.connect(o);
        return c;
    }
}
