package de.parkleit.app.reliability;

import de.parkleit.platform.testing.TestBroker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A static cluster of Apache ActiveMQ Artemis nodes on loopback, each a child JVM running
 * {@code de.parkleit.clusterbroker.ArtemisNode} (module cluster-broker: Artemis 2.40 needs netty 4.1, parkleit runs
 * on 4.2, so they never share a JVM). {@link #kill(int)} is a SIGKILL; {@link #restart(int)} starts the node again
 * on its data folder (its journal).
 */
final class ArtemisCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArtemisCluster.class);
    static final Path MODULE = ReliabilityNodes.HOME.resolve("cluster-broker");

    private final Path dir;
    private final int[] mqttPorts;
    private final int[] corePorts;
    private final Process[] nodes;

    private ArtemisCluster(Path dir, int n) {
        this.dir = dir;
        this.mqttPorts = new int[n];
        this.corePorts = new int[n];
        this.nodes = new Process[n];
        for (int i = 0; i < n; i++) {
            mqttPorts[i] = TestBroker.freePort();
            corePorts[i] = TestBroker.freePort();
        }
    }

    /** Whether the node's classpath was built (module cluster-broker, {@code target/classpath.txt}). */
    static boolean available() {
        return Files.isRegularFile(MODULE.resolve("target/classpath.txt")) && Files.isDirectory(MODULE.resolve("target/classes"));
    }

    /** Starts {@code n} nodes and waits until every node forwards to every other one. */
    static ArtemisCluster start(Path dir, int n) throws Exception {
        ArtemisCluster c = new ArtemisCluster(dir, n);
        try {
            for (int i = 0; i < n; i++) {
                c.nodes[i] = c.launch(i);
            }
            for (int i = 0; i < n; i++) {
                c.awaitReady(i);
            }
            c.awaitBridges(Duration.ofSeconds(45));
            return c;
        } catch (Exception e) {
            c.close();
            throw e;
        }
    }

    String url(int i) {
        return "tcp://127.0.0.1:" + mqttPorts[i];
    }

    int size() {
        return nodes.length;
    }

    /** SIGKILL: no shutdown hook, no journal flush beyond what was synced. */
    void kill(int i) throws InterruptedException {
        nodes[i].destroyForcibly();
        nodes[i].waitFor(10, TimeUnit.SECONDS);
        LOG.info("artemis node {} killed", i);
    }

    void restart(int i) throws Exception {
        nodes[i] = launch(i);
        awaitReady(i);
    }

    private Process launch(int i) throws IOException {
        String cp = MODULE.resolve("target/classes") + java.io.File.pathSeparator
                + Files.readString(MODULE.resolve("target/classpath.txt")).trim();
        List<String> peers = new ArrayList<>();
        for (int j = 0; j < corePorts.length; j++) {
            if (j != i) {
                peers.add(Integer.toString(corePorts[j]));
            }
        }
        Path data = dir.resolve("node" + i);
        Files.createDirectories(data);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", cp,
                "de.parkleit.clusterbroker.ArtemisNode", "node" + i, Integer.toString(mqttPorts[i]), Integer.toString(corePorts[i]),
                data.toString(), String.join(",", peers))
                .redirectErrorStream(true);
        return pb.start();
    }

    private void awaitReady(int i) throws Exception {
        Process p = nodes[i];
        CountDownLatch ready = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("READY")) {
                        ready.countDown();
                    } else if (!line.startsWith("SLF4J")) {
                        LOG.info("artemis node{}: {}", i, line);
                    }
                }
            } catch (IOException e) {
                // the node died
            }
        }, "artemis-node" + i + "-out");
        t.setDaemon(true);
        t.start();
        if (!ready.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("artemis node " + i + " did not start within 60 s");
        }
    }

    /** Publishes on every node until a subscriber on every other node hears it: the cluster bridges are up. */
    private void awaitBridges(Duration within) throws Exception {
        int n = nodes.length;
        String topic = "cluster-probe/" + UUID.randomUUID().toString().substring(0, 8);
        List<MqttClient> subs = new ArrayList<>();
        boolean[][] heard = new boolean[n][n];
        try {
            for (int i = 0; i < n; i++) {
                int me = i;
                MqttClient s = client(url(i), "probe-sub-" + i);
                s.subscribe(topic + "/+", 0, (t, m) -> {
                    synchronized (heard) {
                        heard[me][Integer.parseInt(t.substring(t.lastIndexOf('/') + 1))] = true;
                    }
                });
                subs.add(s);
            }
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                for (int i = 0; i < n; i++) {
                    MqttClient p = client(url(i), "probe-pub-" + i);
                    p.publish(topic + "/" + i, new byte[] {'1'}, 0, false);
                    p.disconnect();
                    p.close();
                }
                Thread.sleep(300);
                synchronized (heard) {
                    boolean all = true;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            all &= heard[i][j];
                        }
                    }
                    if (all) {
                        return;
                    }
                }
            }
            throw new IllegalStateException("artemis cluster bridges not up within " + within);
        } finally {
            for (MqttClient s : subs) {
                s.disconnect();
                s.close();
            }
        }
    }

    static MqttClient client(String url, String id) throws Exception {
        MqttClient c = new MqttClient(url, id + "-" + UUID.randomUUID().toString().substring(0, 6), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setConnectionTimeout(5);
        c.connect(o);
        return c;
    }

    @Override
    public void close() {
        for (Process p : nodes) {
            if (p != null) {
                p.destroyForcibly();
            }
        }
        LOG.info("artemis cluster stopped: {}", java.util.Arrays.stream(mqttPorts).mapToObj(Integer::toString).collect(Collectors.joining(",")));
    }
}
