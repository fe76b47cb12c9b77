package de.parkleit.routing.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingConfigTest {

    @Test
    void defaultsWithoutVariables() {
        RoutingConfig c = RoutingConfig.fromEnv(new Env(Map.of()));
        assertThat(c).isEqualTo(RoutingConfig.DEFAULTS);
        assertThat(c.hierarchy()).isTrue();
        assertThat(c.traffic().freshFor()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void readsEveryVariable() {
        RoutingConfig c = RoutingConfig.fromEnv(new Env(Map.of("PARKLEIT_ROUTING_SNAP_M", "120",
                "PARKLEIT_ROUTING_HIERARCHY", "false", "PARKLEIT_ROUTING_WORKERS", "4", "PARKLEIT_TRAFFIC_FRESH", "2m",
                "PARKLEIT_TRAFFIC_DECAY", "90s", "PARKLEIT_TRAFFIC_SNAP_M", "15")));
        assertThat(c.snapMeters()).isEqualTo(120);
        assertThat(c.hierarchy()).isFalse();
        assertThat(c.workers()).isEqualTo(4);
        assertThat(c.traffic().freshFor()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.traffic().decayOver()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.traffic().snapMeters()).isEqualTo(15);
    }

    @Test
    void namesTheVariableOfABadValue() {
        assertThatThrownBy(() -> RoutingConfig.fromEnv(new Env(Map.of("PARKLEIT_ROUTING_SNAP_M", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PARKLEIT_ROUTING_SNAP_M");
        assertThatThrownBy(() -> RoutingConfig.fromEnv(new Env(Map.of("PARKLEIT_ROUTING_WORKERS", "lots"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PARKLEIT_ROUTING_WORKERS");
    }
}
