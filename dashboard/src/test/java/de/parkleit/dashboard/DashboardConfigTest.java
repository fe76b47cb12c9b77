package de.parkleit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardConfigTest {

    @Test
    void defaultsServeOnPort8080WithOsmTiles() {
        DashboardConfig c = DashboardConfig.fromEnv(new Env(Map.of()));
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.bindHost()).isEqualTo("0.0.0.0");
        assertThat(c.topicRoot()).isEqualTo("parkleit/v1");
        assertThat(c.tileUrl()).isEqualTo(DashboardConfig.OSM_TILES);
        assertThat(c.tileSource()).isEqualTo("https://tile.openstreetmap.org");
        assertThat(c.corsOrigins()).isEmpty();
        assertThat(c.maxStreams()).isEqualTo(2000);
        assertThat(c.signAckAlert()).isEqualTo(java.time.Duration.ofMinutes(3));
    }

    @Test
    void parsesEveryVariable() {
        DashboardConfig c = DashboardConfig.fromEnv(new Env(Map.of(
                "PARKLEIT_HTTP_PORT", "9090", "PARKLEIT_HTTP_HOST", "127.0.0.1", "PARKLEIT_TOPIC_ROOT", "city/x",
                "PARKLEIT_MAP_TILE_URL", "https://{s}.tiles.example.org/{z}/{x}/{y}.png", "PARKLEIT_MAP_TILE_ATTRIBUTION", "© Example",
                "PARKLEIT_CORS_ORIGINS", "https://a.example, http://localhost:3000", "PARKLEIT_HTTP_MAX_STREAMS", "7")));
        assertThat(c.httpPort()).isEqualTo(9090);
        assertThat(c.bindHost()).isEqualTo("127.0.0.1");
        assertThat(c.topics().facilityStateFilter()).isEqualTo("city/x/state/facility/+");
        assertThat(c.tileSource()).isEqualTo("https://*.tiles.example.org");
        assertThat(c.tileAttribution()).isEqualTo("© Example");
        assertThat(c.corsOrigins()).containsExactly("https://a.example", "http://localhost:3000");
        assertThat(c.maxStreams()).isEqualTo(7);
    }

    @Test
    void noneDisablesTiles() {
        DashboardConfig c = DashboardConfig.fromEnv(new Env(Map.of("PARKLEIT_MAP_TILE_URL", "none")));
        assertThat(c.tileUrl()).isNull();
        assertThat(c.tileSource()).isNull();
    }

    @Test
    void badValuesNameTheirVariable() {
        assertThatThrownBy(() -> DashboardConfig.fromEnv(new Env(Map.of("PARKLEIT_HTTP_PORT", "http"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PARKLEIT_HTTP_PORT");
        assertThatThrownBy(() -> DashboardConfig.fromEnv(new Env(Map.of("PARKLEIT_HTTP_PORT", "70000"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PARKLEIT_HTTP_PORT");
        assertThatThrownBy(() -> DashboardConfig.fromEnv(new Env(Map.of("PARKLEIT_MAP_TILE_URL", "https://tiles.example.org/a.png"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PARKLEIT_MAP_TILE_URL");
        assertThatThrownBy(() -> DashboardConfig.fromEnv(new Env(Map.of("PARKLEIT_MAP_TILE_URL", "javascript:{z}{x}{y}"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PARKLEIT_MAP_TILE_URL");
        assertThatThrownBy(() -> DashboardConfig.fromEnv(new Env(Map.of("PARKLEIT_CORS_ORIGINS", "*"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PARKLEIT_CORS_ORIGINS");
        assertThatThrownBy(() -> DashboardConfig.fromEnv(new Env(Map.of("PARKLEIT_TOPIC_ROOT", "a/#"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PARKLEIT_TOPIC_ROOT");
        assertThatThrownBy(() -> DashboardConfig.fromEnv(new Env(Map.of("PARKLEIT_HTTP_MAX_STREAMS", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PARKLEIT_HTTP_MAX_STREAMS");
        assertThatThrownBy(() -> DashboardConfig.fromEnv(new Env(Map.of("PARKLEIT_SIGNBRIDGE_ACK_ALERT", "0s"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PARKLEIT_SIGNBRIDGE_ACK_ALERT");
    }

    @Test
    void theSignAckAlertIsTheSignBridgesSetting() {
        assertThat(DashboardConfig.fromEnv(new Env(Map.of("PARKLEIT_SIGNBRIDGE_ACK_ALERT", "45s"))).signAckAlert())
                .isEqualTo(java.time.Duration.ofSeconds(45));
    }
}
