package de.parkleit.simulator.replay;

import de.parkleit.core.Ids;
import de.parkleit.core.city.City;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which Münster car park feeds which facility of the city, and which detector feeds which
 * detector id. CSV lines {@code facility,<source column>,<facility id>} and
 * {@code detector,<source detector>,<detector id>}; {@code #} starts a comment. Errors name the line.
 */
public record ReplayMapping(Map<String, String> facilities, Map<String, String> detectors) {

    public static final String BUNDLED_HEIDELBERG = "/de/parkleit/simulator/replay/heidelberg-muenster.csv";

    public ReplayMapping {
        facilities = Map.copyOf(facilities);
        detectors = Map.copyOf(detectors);
    }

    public static ReplayMapping load(Path file, City city) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString(), city);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping " + file + ": " + e.getMessage(), e);
        }
    }

    public static ReplayMapping bundledHeidelberg(City city) {
        try (InputStream in = ReplayMapping.class.getResourceAsStream(BUNDLED_HEIDELBERG)) {
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), BUNDLED_HEIDELBERG, city);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReplayMapping parse(Reader reader, String name, City city) throws IOException {
        Map<String, String> facilities = new LinkedHashMap<>();
        Map<String, String> detectors = new LinkedHashMap<>();
        BufferedReader r = new BufferedReader(reader);
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            String[] p = line.split(",", -1);
            String where = name + " line " + n + ": ";
            if (p.length != 3) {
                throw new IllegalArgumentException(where + "expected kind,source,target");
            }
            String kind = p[0].trim();
            String source = p[1].trim();
            String target = p[2].trim();
            if (!Ids.isValid(target)) {
                throw new IllegalArgumentException(where + "target must match [A-Za-z0-9_-]{1,64}, got " + target);
            }
            if (kind.equals("facility")) {
                if (city.facility(target).isEmpty()) {
                    throw new IllegalArgumentException(where + "city " + city.name() + " has no facility " + target);
                }
                facilities.put(source, target);
            } else if (kind.equals("detector")) {
                detectors.put(source, target);
            } else {
                throw new IllegalArgumentException(where + "kind must be facility or detector, got " + kind);
            }
        }
        return new ReplayMapping(facilities, detectors);
    }
}
