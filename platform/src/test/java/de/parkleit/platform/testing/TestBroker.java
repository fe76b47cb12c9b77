package de.parkleit.platform.testing;

import de.parkleit.broker.EmbeddedBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * The MQTT broker for tests, first that applies: {@code PARKLEIT_TEST_MQTT_URL} (CI points it at a
 * real Mosquitto), else an {@code eclipse-mosquitto} container where Docker runs, else the
 * embedded broker on a free port. Each test gets its own topic root so tests can share a broker.
 */
public final class TestBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TestBroker.class);

    private final String url;
    private final String kind;
    private final AutoCloseable owned;

    private TestBroker(String url, String kind, AutoCloseable owned) {
        this.url = url;
        this.kind = kind;
        this.owned = owned;
    }

    public static TestBroker start() {
        String env = System.getenv("PARKLEIT_TEST_MQTT_URL");
        if (env != null && !env.isBlank()) {
            LOG.info("test broker: external {}", env);
            return new TestBroker(env.trim(), "external", null);
        }
        if (dockerAvailable()) {
            GenericContainer<?> c = new GenericContainer<>("eclipse-mosquitto:2")
                    .withExposedPorts(1883)
                    .withCommand("mosquitto", "-c", "/mosquitto-no-auth.conf");
            c.start();
            String u = "tcp://" + c.getHost() + ":" + c.getMappedPort(1883);
            LOG.info("test broker: container {}", u);
            return new TestBroker(u, "container", c::stop);
        }
        int port = freePort();
        EmbeddedBroker b = new EmbeddedBroker("127.0.0.1", port, null);
        b.start();
        LOG.info("test broker: embedded {}", b.url());
        return new TestBroker(b.url(), "embedded", b);
    }

    private static boolean dockerAvailable() {
        if (System.getenv("DOCKER_HOST") == null && !java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh topic root like {@code test-3f2a.../parkleit/v1} so tests sharing a broker do not see each other. */
    public static String uniqueRoot() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8) + "/parkleit/v1";
    }

    public String url() {
        return url;
    }

    /** {@code external}, {@code container} or {@code embedded}: embedded does not support shared subscriptions. */
    public String kind() {
        return kind;
    }

    public boolean supportsSharedSubscriptions() {
        return !"embedded".equals(kind);
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                LOG.warn("stopping test broker: {}", e.toString());
            }
        }
    }
}
