package de.parkleit.platform.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.core.city.City;
import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;
import de.parkleit.platform.config.SharedSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The city folder's {@code city.properties} is read once, by the loader; the shared settings take the zone from the city. */
class CityLoaderTest {

    private static final String ONE_FACILITY = """
            {"type":"FeatureCollection","features":[{"type":"Feature",
             "geometry":{"type":"Point","coordinates":[8.69,49.41]},
             "properties":{"id":"P1","name":"P1","capacity":100}}]}
            """;

    @TempDir
    Path dir;

    @Test
    void loadsNameZoneAndLocaleFromCityProperties() throws IOException {
        Files.writeString(dir.resolve("facilities.geojson"), ONE_FACILITY);
        Files.writeString(dir.resolve("city.properties"), "name=Testtown\ntimezone= Europe/Berlin \nlocale=de\n");

        City city = CityLoader.load(dir, "PARKLEIT_CITY");

        assertThat(city.name()).isEqualTo("Testtown");
        assertThat(city.timezone()).isEqualTo("Europe/Berlin");
        assertThat(city.locale()).isEqualTo("de");
        assertThat(SharedSettings.fromEnv(new Env(Map.of()), city).zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(SharedSettings.fromEnv(new Env(Map.of("PARKLEIT_TIMEZONE", "Asia/Tokyo")), city).zone())
                .isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void withoutCityPropertiesTheCityNamesNoZoneAndTheSharedZoneIsUtc() throws IOException {
        Files.writeString(dir.resolve("facilities.geojson"), ONE_FACILITY);

        City city = CityLoader.load(dir, "PARKLEIT_CITY");

        assertThat(city.timezone()).isNull();
        assertThat(city.locale()).isNull();
        assertThat(SharedSettings.fromEnv(new Env(Map.of()), city).zone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void aBadCityZoneIsAConfigError() throws IOException {
        Files.writeString(dir.resolve("facilities.geojson"), ONE_FACILITY);
        Files.writeString(dir.resolve("city.properties"), "timezone=Mars/Olympus\n");
        City city = CityLoader.load(dir, "PARKLEIT_CITY");

        assertThatThrownBy(() -> SharedSettings.fromEnv(new Env(Map.of()), city))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PARKLEIT_TIMEZONE must be a zone id");
    }
}
