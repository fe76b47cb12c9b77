package de.parkleit.guidance.signs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a city's {@code signs.geojson}: a FeatureCollection of Points, one per sign, with
 * properties {@code id}, {@code name}, {@code heading} (degrees, the direction drivers reading
 * it travel), {@code facilities} (ids, one line each) and optional {@code display}
 * ({@code count}, the default, or {@code text}). Any error names the file and the sign.
 */
public final class SignsFile {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SignsFile() {
    }

    /** @param facilityIds the facilities of the city; a sign naming another is an error */
    public static List<Sign> read(Path file, Set<String> facilityIds) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString(), facilityIds);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static List<Sign> parse(InputStream in, String source, Set<String> facilityIds) throws IOException {
        JsonNode root = MAPPER.readTree(in);
        if (root == null || !"FeatureCollection".equals(root.path("type").asText()) || !root.path("features").isArray()) {
            throw new IllegalArgumentException(source + ": expected a GeoJSON FeatureCollection");
        }
        List<Sign> signs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int i = 0;
        for (JsonNode f : root.path("features")) {
            String where = source + ": feature " + i++;
            Sign s = sign(f, where);
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException(where + ": duplicate sign id " + s.id());
            }
            for (String fid : s.facilities()) {
                if (!facilityIds.contains(fid)) {
                    throw new IllegalArgumentException(where + " (" + s.id() + "): unknown facility " + fid);
                }
            }
            signs.add(s);
        }
        return List.copyOf(signs);
    }

    private static Sign sign(JsonNode f, String where) {
        JsonNode g = f.path("geometry");
        JsonNode c = g.path("coordinates");
        if (!"Point".equals(g.path("type").asText()) || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
            throw new IllegalArgumentException(where + ": geometry must be a Point [lon, lat]");
        }
        JsonNode p = f.path("properties");
        if (!p.path("heading").isNumber()) {
            throw new IllegalArgumentException(where + ": property 'heading' (degrees) is required");
        }
        List<String> facilities = new ArrayList<>();
        p.path("facilities").forEach(n -> facilities.add(n.asText()));
        String display = p.path("display").asText("count").toUpperCase(Locale.ROOT);
        try {
            return new Sign(p.path("id").asText(null), p.path("name").asText(p.path("id").asText("")),
                    c.get(1).asDouble(), c.get(0).asDouble(), p.get("heading").asDouble() % 360, facilities,
                    Sign.Display.valueOf(display));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }
}
