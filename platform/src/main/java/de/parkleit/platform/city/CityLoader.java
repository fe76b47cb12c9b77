package de.parkleit.platform.city;

import de.parkleit.core.city.City;
import de.parkleit.core.city.FacilitiesGeoJson;
import de.parkleit.platform.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Loads a city folder: {@code city.properties} (name, file names), {@code facilities.geojson}
 * and the OSM extract named by {@code roads}. The same code loads the demo city and a real one.
 */
public final class CityLoader {

    private CityLoader() {
    }

    /** @param variable the config variable the folder came from, named in errors */
    public static City load(Path folder, String variable) {
        if (!Files.isDirectory(folder)) {
            throw new ConfigException(variable + " must name a city folder, but " + folder.toAbsolutePath() + " is not a directory");
        }
        Properties p = new Properties();
        Path props = folder.resolve("city.properties");
        if (Files.exists(props)) {
            try (Reader r = Files.newBufferedReader(props, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new ConfigException("cannot read " + props + ": " + e.getMessage(), e);
            }
        }
        String name = p.getProperty("name", folder.getFileName().toString());
        Path facilitiesFile = folder.resolve(p.getProperty("facilities", "facilities.geojson"));
        Path roads = folder.resolve(p.getProperty("roads", "roads.osm.pbf"));
        if (!Files.isRegularFile(facilitiesFile)) {
            throw new ConfigException(variable + ": city folder " + folder + " has no " + facilitiesFile.getFileName());
        }
        try (InputStream in = Files.newInputStream(facilitiesFile)) {
            return new City(name, FacilitiesGeoJson.parse(in, facilitiesFile.toString()),
                    Files.isRegularFile(roads) ? roads : null, folder);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(variable + ": cannot load " + facilitiesFile + ": " + e.getMessage(), e);
        }
    }
}
