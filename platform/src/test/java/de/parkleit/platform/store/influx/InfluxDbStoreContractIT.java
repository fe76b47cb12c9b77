package de.parkleit.platform.store.influx;

import de.parkleit.platform.store.StoreOptions;
import de.parkleit.platform.store.TimeSeriesStore;
import de.parkleit.platform.store.TimeSeriesStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The store contract over InfluxDB 2: {@code PARKLEIT_TEST_INFLUX_URL} (+ {@code _TOKEN}, {@code _ORG})
 * if set, else an {@code influxdb:2.7} container where Docker runs, else skipped with the reason.
 * No InfluxDB 2 can run here without Docker: Debian ships InfluxDB 1.6.7, which serves neither
 * {@code /api/v2/write} nor Flux (checked: both answer 404).
 */
class InfluxDbStoreContractIT extends TimeSeriesStoreContract {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxDbStoreContractIT.class);
    private static final String TOKEN = "parkleit-test-token";

    static GenericContainer<?> container;
    static InfluxDbStore store;

    @BeforeAll
    static void start() {
        String url = System.getenv("PARKLEIT_TEST_INFLUX_URL");
        InfluxConfig config;
        if (url != null && !url.isBlank()) {
            config = new InfluxConfig(url.trim(), System.getenv("PARKLEIT_TEST_INFLUX_TOKEN"),
                    envOr("PARKLEIT_TEST_INFLUX_ORG", "parkleit"), "parkleit_test", "parkleit_test_5m");
            LOG.info("InfluxDB contract against external {}", url);
        } else {
            String reason = "InfluxDB contract skipped: no InfluxDB 2 to test against (PARKLEIT_TEST_INFLUX_URL is not set"
                    + " and Docker is not available for an influxdb:2.7 container)";
            if (!dockerAvailable()) {
                LOG.warn(reason);
            }
            Assumptions.assumeTrue(dockerAvailable(), reason);
            container = new GenericContainer<>("influxdb:2.7")
                    .withEnv("DOCKER_INFLUXDB_INIT_MODE", "setup")
                    .withEnv("DOCKER_INFLUXDB_INIT_USERNAME", "parkleit")
                    .withEnv("DOCKER_INFLUXDB_INIT_PASSWORD", "parkleit-password")
                    .withEnv("DOCKER_INFLUXDB_INIT_ORG", "parkleit")
                    .withEnv("DOCKER_INFLUXDB_INIT_BUCKET", "parkleit_test")
                    .withEnv("DOCKER_INFLUXDB_INIT_ADMIN_TOKEN", TOKEN)
                    .withExposedPorts(8086)
                    .waitingFor(Wait.forHttp("/health").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2)));
            container.start();
            config = new InfluxConfig("http://" + container.getHost() + ":" + container.getMappedPort(8086), TOKEN,
                    "parkleit", "parkleit_test", "parkleit_test_5m");
        }
        store = InfluxDbStore.open(config, StoreOptions.defaults());
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
        if (container != null) {
            container.stop();
        }
    }

    @Override
    protected TimeSeriesStore store() {
        return store;
    }

    private static String envOr(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v.trim();
    }

    private static boolean dockerAvailable() {
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }
}
