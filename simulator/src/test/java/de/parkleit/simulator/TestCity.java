package de.parkleit.simulator;

import de.parkleit.core.city.City;
import de.parkleit.platform.city.CityLoader;
import java.nio.file.Path;

/** The repo's demo city, as tests load it (module tests run in simulator/). */
public final class TestCity {

    private TestCity() {
    }

    public static City heidelberg() {
        return CityLoader.load(Path.of("../cities/heidelberg"), "test");
    }
}
