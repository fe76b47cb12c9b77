package de.parkleit.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.city.City;
import de.parkleit.dashboard.DashboardConfig;
import de.parkleit.dashboard.DashboardFixture;
import de.parkleit.platform.config.Env;
import de.parkleit.platform.config.SharedSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The planner's charts use the zone the README promises: PARKLEIT_TIMEZONE, else the city's, else UTC (it was always Europe/Berlin). */
class DashboardZoneTest {

    private static final City HEIDELBERG = DashboardFixture.heidelberg();

    private static String served(Map<String, String> vars, City city) {
        Env env = new Env(vars);
        DashboardConfig config = DashboardConfig.fromEnv(env, SharedSettings.fromEnv(env, city.folder()));
        return new WebAppHandler(config, city).mapConfigJson().getString("timezone");
    }

    @Test
    void parkleitTimezoneWinsOverTheCity() {
        assertThat(served(Map.of("PARKLEIT_TIMEZONE", "America/New_York"), HEIDELBERG)).isEqualTo("America/New_York");
    }

    @Test
    void elseTheCityZoneElseUtc() {
        assertThat(served(Map.of(), HEIDELBERG)).isEqualTo("Europe/Berlin");
        City noFolder = new City("Nowhere", HEIDELBERG.facilities(), null, null);
        assertThat(served(Map.of(), noFolder)).isEqualTo("UTC");
        assertThat(served(Map.of("PARKLEIT_TIMEZONE", "Asia/Tokyo"), noFolder)).isEqualTo("Asia/Tokyo");
    }
}
