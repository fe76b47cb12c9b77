package de.parkleit.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    @Test
    void defaultsWithTheEmbeddedBroker() {
        IngestConfig c = IngestConfig.fromEnv(new Env(Map.of()));
        assertThat(c.topicRoot()).isEqualTo("parkleit/v1");
        assertThat(c.shareGroup()).isNull();
        assertThat(c.staleAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.maxFuture()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.maxPayloadBytes()).isEqualTo(4096);
        assertThat(c.spoolDir()).isEqualTo(Path.of("data", "ingest-spool"));
        assertThat(c.stateInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.zone()).as("no city, no PARKLEIT_TIMEZONE: the shared settings' UTC").isEqualTo(ZoneId.of("UTC"));
        assertThat(c.connections()).isEqualTo(1);
        assertThat(IngestConfig.fromEnv(new Env(Map.of("PARKLEIT_INGEST_STATE_INTERVAL", "0"))).stateInterval()).isZero();
    }

    @Test
    void anExternalBrokerGetsAPlainSubscriptionUnlessAShareGroupIsSet() {
        // a shared subscription loses what is published between a Mosquitto restart and the reconnect (docs/reliability.md)
        assertThat(IngestConfig.fromEnv(new Env(Map.of("PARKLEIT_MQTT_URL", "tcp://broker:1883"))).shareGroup()).isNull();
        assertThat(IngestConfig.fromEnv(new Env(Map.of("PARKLEIT_MQTT_URL", "tcp://broker:1883",
                "PARKLEIT_INGEST_SHARE_GROUP", "parkleit-ingest"))).shareGroup()).isEqualTo("parkleit-ingest");
        assertThat(IngestConfig.fromEnv(new Env(Map.of("PARKLEIT_MQTT_URL", "tcp://broker:1883",
                "PARKLEIT_INGEST_SHARE_GROUP", "none"))).shareGroup()).isNull();
    }

    @Test
    void readsEveryVariable() {
        IngestConfig c = IngestConfig.fromEnv(new Env(Map.of("PARKLEIT_DATA_DIR", "/var/lib/parkleit",
                "PARKLEIT_STALE_AFTER", "10m", "PARKLEIT_INGEST_SHARE_GROUP", "north", "PARKLEIT_TIMEZONE", "Europe/Berlin",
                "PARKLEIT_INGEST_STATE_INTERVAL", "2s", "PARKLEIT_LORAWAN_DEVICES", "/etc/parkleit/devices.csv",
                "PARKLEIT_INGEST_SPOOL_MAX_MB", "64", "PARKLEIT_INGEST_BATCH_MAX", "1000", "PARKLEIT_INGEST_CONNECTIONS", "3")));
        assertThat(c.connections()).isEqualTo(3);
        assertThat(c.spoolDir()).isEqualTo(Path.of("/var/lib/parkleit/ingest-spool"));
        assertThat(c.staleAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.shareGroup()).isEqualTo("north");
        assertThat(c.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(c.stateInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.lorawanDevices()).isEqualTo(Path.of("/etc/parkleit/devices.csv"));
        assertThat(c.spoolMaxBytes()).isEqualTo(64L << 20);
        assertThat(c.batchMax()).isEqualTo(1000);
    }

    @Test
    void errorsNameTheVariable() {
        assertThatThrownBy(() -> IngestConfig.fromEnv(new Env(Map.of("PARKLEIT_STALE_AFTER", "soon"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PARKLEIT_STALE_AFTER");
        assertThatThrownBy(() -> IngestConfig.fromEnv(new Env(Map.of("PARKLEIT_INGEST_SHARE_GROUP", "a/b"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PARKLEIT_INGEST_SHARE_GROUP");
        assertThatThrownBy(() -> IngestConfig.fromEnv(new Env(Map.of("PARKLEIT_TIMEZONE", "Mars/Olympus"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PARKLEIT_TIMEZONE");
        assertThatThrownBy(() -> IngestConfig.fromEnv(new Env(Map.of("PARKLEIT_INGEST_CONNECTIONS", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PARKLEIT_INGEST_CONNECTIONS");
        assertThatThrownBy(() -> IngestConfig.fromEnv(new Env(Map.of("PARKLEIT_INGEST_MAX_PAYLOAD", "10"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PARKLEIT_INGEST_MAX_PAYLOAD");
    }
}
