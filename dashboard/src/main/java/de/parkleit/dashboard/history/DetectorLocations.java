package de.parkleit.dashboard.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.parkleit.core.Ids;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The loop detectors of a city: the optional {@code detectors.geojson} of the city folder, Point
 * features with properties {@code id}, {@code name}, optional {@code road}, {@code heading} and
 * {@code lanes} (the file routing's {@code DetectorsGeoJson} reads too). Features without a valid
 * id or point are skipped.
 */
public final class DetectorLocations {

    /** One detector as the planner lists it. */
    public record Location(String id, String name, String road, double lat, double lon, Double heading, int lanes) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DetectorLocations() {
    }

    public static List<Location> parse(byte[] geojson) {
        List<Location> out = new ArrayList<>();
        try {
            for (JsonNode f : MAPPER.readTree(geojson).path("features")) {
                JsonNode p = f.path("properties");
                String id = p.path("id").asText(null);
                JsonNode c = f.path("geometry").path("coordinates");
                if (Ids.isValid(id) && "Point".equals(f.path("geometry").path("type").asText()) && c.size() >= 2) {
                    out.add(new Location(id, p.path("name").asText(id), p.path("road").asText(""), c.get(1).asDouble(),
                            c.get(0).asDouble(), p.path("heading").isNumber() ? p.path("heading").asDouble() : null,
                            Math.max(1, p.path("lanes").asInt(1))));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("detectors.geojson is not valid JSON: " + e.getMessage(), e);
        }
        return List.copyOf(out);
    }
}
