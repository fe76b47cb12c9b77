package de.parkleit.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreConfigTest {

    @Test
    void defaultsToEmbeddedQuestDbUnderTheDataDirOnPort9000() {
        StoreConfig c = StoreConfig.fromEnv(new Env(Map.of()));
        assertThat(c.kind()).isEqualTo(StoreConfig.Kind.QUESTDB_EMBEDDED);
        assertThat(c.questDb().root()).isEqualTo(Path.of("data", "questdb"));
        assertThat(c.questDb().httpPort()).isEqualTo(9000);
        assertThat(c.options()).isEqualTo(StoreOptions.defaults());
        assertThat(c.options().rawRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(c.options().aggregateRetentionMonths()).isEqualTo(24);
    }

    @Test
    void usesAnExternalQuestDbWhenItsUrlIsSet() {
        StoreConfig c = StoreConfig.fromEnv(new Env(Map.of("PARKLEIT_QUESTDB_URL", "http://questdb:9000")));
        assertThat(c.kind()).isEqualTo(StoreConfig.Kind.QUESTDB);
        assertThat(c.questDbUrl()).isEqualTo("http://questdb:9000");
    }

    @Test
    void readsInfluxSettingsAndHidesTheToken() {
        StoreConfig c = StoreConfig.fromEnv(new Env(Map.of(
                "PARKLEIT_INFLUX_URL", "http://influxdb:8086", "PARKLEIT_INFLUX_TOKEN", "s3cret")));
        assertThat(c.kind()).isEqualTo(StoreConfig.Kind.INFLUXDB);
        assertThat(c.influx().bucket()).isEqualTo("parkleit");
        assertThat(c.influx().aggregateBucket()).isEqualTo("parkleit_5m");
        assertThat(c.influx().toString()).doesNotContain("s3cret").contains("*****");
    }

    @Test
    void namesTheVariableInEveryError() {
        assertThatThrownBy(() -> StoreConfig.fromEnv(new Env(Map.of("PARKLEIT_INFLUX_URL", "http://x:8086",
                "PARKLEIT_INFLUX_TOKEN", "t", "PARKLEIT_QUESTDB_URL", "http://q:9000"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> StoreConfig.fromEnv(new Env(Map.of("PARKLEIT_INFLUX_URL", "http://x:8086"))))
                .hasMessageContaining("PARKLEIT_INFLUX_TOKEN");
        assertThatThrownBy(() -> StoreConfig.fromEnv(new Env(Map.of("PARKLEIT_QUESTDB_URL", "ftp://q"))))
                .hasMessageContaining("PARKLEIT_QUESTDB_URL");
        assertThatThrownBy(() -> StoreConfig.fromEnv(new Env(Map.of("PARKLEIT_QUESTDB_HTTP_PORT", "70000"))))
                .hasMessageContaining("PARKLEIT_QUESTDB_HTTP_PORT");
        assertThatThrownBy(() -> StoreConfig.fromEnv(new Env(Map.of("PARKLEIT_STORE_RAW_RETENTION", "36h"))))
                .hasMessageContaining("PARKLEIT_STORE_RAW_RETENTION");
        assertThatThrownBy(() -> StoreConfig.fromEnv(new Env(Map.of("PARKLEIT_STORE_AGGREGATE_RETENTION", "7d"))))
                .hasMessageContaining("PARKLEIT_STORE_AGGREGATE_RETENTION");
    }
}
