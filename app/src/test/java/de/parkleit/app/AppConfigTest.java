package de.parkleit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AppConfigTest {

    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    private static AppConfig parse(Map<String, String> vars) {
        return AppConfig.fromEnv(new Env(vars), HOME);
    }

    @Test
    void defaultsMatchTheReadme() {
        AppConfig c = parse(Map.of());
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.embeddedMqttPort()).isEqualTo(1883);
        assertThat(c.questDbHttpPort()).isEqualTo(9000);
        assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(c.city()).isEqualTo(HOME.resolve("cities/heidelberg"));
        assertThat(c.mqttUrl()).isEmpty();
        assertThat(c.influxUrl()).isEmpty();
        assertThat(c.questDbUrl()).isEmpty();
        assertThat(c.influxOrg()).isEqualTo("parkleit");
        assertThat(c.influxBucket()).isEqualTo("parkleit");
    }

    @Test
    void parsesEveryVariable() {
        Map<String, String> v = new HashMap<>();
        v.put("PARKLEIT_HTTP_PORT", "8081");
        v.put("PARKLEIT_MQTT_URL", "tcp://broker.example:1884");
        v.put("PARKLEIT_EMBEDDED_MQTT_PORT", "1884");
        v.put("PARKLEIT_DATA_DIR", "/tmp/pl");
        v.put("PARKLEIT_QUESTDB_HTTP_PORT", "9100");
        v.put("PARKLEIT_CITY", HOME.resolve("cities/heidelberg").toString());
        v.put("PARKLEIT_INFLUX_URL", "http://influx:8086");
        v.put("PARKLEIT_INFLUX_TOKEN", "secret-token");
        v.put("PARKLEIT_INFLUX_ORG", "city");
        v.put("PARKLEIT_INFLUX_BUCKET", "parking");
        AppConfig c = parse(v);
        assertThat(c.httpPort()).isEqualTo(8081);
        assertThat(c.mqttUrl()).contains("tcp://broker.example:1884");
        assertThat(c.embeddedMqttPort()).isEqualTo(1884);
        assertThat(c.dataDir()).isEqualTo(Path.of("/tmp/pl"));
        assertThat(c.questDbHttpPort()).isEqualTo(9100);
        assertThat(c.influxUrl()).contains("http://influx:8086");
        assertThat(c.influxToken()).contains("secret-token");
        assertThat(c.influxOrg()).isEqualTo("city");
        assertThat(c.influxBucket()).isEqualTo("parking");
        assertThat(c.toString()).doesNotContain("secret-token").contains("*****");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PARKLEIT_HTTP_PORT|eighty",
        "PARKLEIT_HTTP_PORT|70000",
        "PARKLEIT_EMBEDDED_MQTT_PORT|-1",
        "PARKLEIT_QUESTDB_HTTP_PORT|9k",
        "PARKLEIT_MQTT_URL|http://broker:1883",
        "PARKLEIT_INFLUX_URL|influx:8086",
        "PARKLEIT_QUESTDB_URL|questdb:9000",
        "PARKLEIT_CITY|/no/such/city",
        "PARKLEIT_DATA_DIR|bad\u0000path",
    })
    void aBadValueNamesItsVariable(String variable, String value) {
        Map<String, String> v = new HashMap<>();
        v.put(variable, value);
        if (variable.equals("PARKLEIT_INFLUX_URL")) {
            v.put("PARKLEIT_INFLUX_TOKEN", "t");
        }
        assertThatThrownBy(() -> parse(v)).isInstanceOf(ConfigException.class).hasMessageContaining(variable);
    }

    @Test
    void influxWithoutTokenIsRefused() {
        assertThatThrownBy(() -> parse(Map.of("PARKLEIT_INFLUX_URL", "http://influx:8086")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PARKLEIT_INFLUX_TOKEN");
    }

    @Test
    void clashingPortsAreRefused() {
        assertThatThrownBy(() -> parse(Map.of("PARKLEIT_HTTP_PORT", "9000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PARKLEIT_QUESTDB_HTTP_PORT");
    }

    @Test
    void aTakenPortNamesItsVariable() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> PortCheck.requireFree("127.0.0.1", s.getLocalPort(), "PARKLEIT_HTTP_PORT"))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("PARKLEIT_HTTP_PORT").hasMessageContaining("in use");
        }
    }
}
