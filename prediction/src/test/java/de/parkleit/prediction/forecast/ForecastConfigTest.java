package de.parkleit.prediction.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForecastConfigTest {

    private static final Path HEIDELBERG = Path.of("..", "cities", "heidelberg");

    @Test
    void theModelIsOnByDefaultInTheCitysTimeZone() {
        ForecastConfig c = ForecastConfig.fromEnv(new Env(Map.of()), HEIDELBERG);
        assertThat(c.model()).isTrue();
        assertThat(c.historyWeeks()).isEqualTo(10);
        assertThat(c.warmupWeeks()).isEqualTo(2);
        assertThat(c.retrainEvery()).isEqualTo(Duration.ofHours(6));
        assertThat(c.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(ForecastConfig.fromEnv(new Env(Map.of()), (Path) null).zone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void readsEveryVariable() {
        ForecastConfig c = ForecastConfig.fromEnv(new Env(Map.of("PARKLEIT_FORECAST", "trend",
                "PARKLEIT_FORECAST_HISTORY_WEEKS", "6", "PARKLEIT_FORECAST_WARMUP_WEEKS", "3",
                "PARKLEIT_FORECAST_RETRAIN", "30m", "PARKLEIT_TIMEZONE", "Europe/Vienna")), HEIDELBERG);
        assertThat(c.model()).isFalse();
        assertThat(c.historyWeeks()).isEqualTo(6);
        assertThat(c.warmupWeeks()).isEqualTo(3);
        assertThat(c.retrainEvery()).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.zone()).isEqualTo(ZoneId.of("Europe/Vienna"));
        assertThat(c.describe()).containsEntry("PARKLEIT_FORECAST", "trend");
    }

    @Test
    void badValuesNameTheirVariable() {
        for (var e : Map.of("PARKLEIT_FORECAST", "magic", "PARKLEIT_FORECAST_HISTORY_WEEKS", "20",
                "PARKLEIT_FORECAST_RETRAIN", "1m", "PARKLEIT_TIMEZONE", "Mars/Olympus").entrySet()) {
            assertThatThrownBy(() -> ForecastConfig.fromEnv(new Env(Map.of(e.getKey(), e.getValue())), HEIDELBERG))
                    .isInstanceOf(ConfigException.class).hasMessageContaining(e.getKey());
        }
        assertThatThrownBy(() -> ForecastConfig.fromEnv(new Env(Map.of("PARKLEIT_FORECAST_HISTORY_WEEKS", "3",
                "PARKLEIT_FORECAST_WARMUP_WEEKS", "3")), HEIDELBERG))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PARKLEIT_FORECAST_WARMUP_WEEKS");
    }
}
