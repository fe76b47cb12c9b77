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
 * Loads a city folder: {@code city.properties} (name, file names, timezone, locale), {@code facilities.geojson}
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
        Properties p = properties(folder);
        String name = p.getProperty("name", folder.getFileName().toString());
        Path facilitiesFile = folder.resolve(p.getProperty("facilities", "facilities.geojson"));
        Path roads = folder.resolve(p.getProperty("roads", "roads.osm.pbf"));
        if (!Files.isRegularFile(facilitiesFile)) {
            throw new ConfigException(variable + ": city folder " + folder + " has no " + facilitiesFile.getFileName());
        }
        try (InputStream in = Files.newInputStream(facilitiesFile)) {
            return new City(name, FacilitiesGeoJson.parse(in, facilitiesFile.toString()),
                    Files.isRegularFile(roads) ? roads : null, folder, trimmed(p, "timezone"), trimmed(p, "locale"));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(variable + ": cannot load " + facilitiesFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * The one reader of a folder's {@code city.properties}: its properties, empty when the folder (may be null)
     * has none.
     */
    public static Properties properties(Path folder) {
        Properties p = new Properties();
        Path props = folder == null ? null : folder.resolve("city.properties");
        if (props != null && Files.isRegularFile(props)) {
            try (Reader r = Files.newBufferedReader(props, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new ConfigException("cannot read " + props + ": " + e.getMessage(), e);
            }
        }
        return p;
    }

    private static String trimmed(Properties p, String key) {
        String v = p.getProperty(key);
        return v == null ? null : v.strip();
    }
}
