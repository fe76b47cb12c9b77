package de.parkleit.dashboard.signs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.parkleit.core.Ids;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the signs of a city stand: the optional {@code signs.geojson} of the city folder, Point
 * features with properties {@code id} and {@code name}.
 */
public final class SignLocations {

    /** A sign's name and position. */
    public record Location(String name, double lat, double lon) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Map<String, Location> byId;

    private SignLocations(Map<String, Location> byId) {
        this.byId = Map.copyOf(byId);
    }

    public static SignLocations none() {
        return new SignLocations(Map.of());
    }

    /** Parses the GeoJSON; features without a valid id or point are skipped. */
    public static SignLocations parse(byte[] geojson) {
        Map<String, Location> out = new LinkedHashMap<>();
        try {
            JsonNode root = MAPPER.readTree(geojson);
            for (JsonNode f : root.path("features")) {
                String id = f.path("properties").path("id").asText(null);
                JsonNode c = f.path("geometry").path("coordinates");
                if (Ids.isValid(id) && "Point".equals(f.path("geometry").path("type").asText()) && c.size() >= 2) {
                    out.put(id, new Location(f.path("properties").path("name").asText(id), c.get(1).asDouble(), c.get(0).asDouble()));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("signs.geojson is not valid JSON: " + e.getMessage(), e);
        }
        return new SignLocations(out);
    }

    public Location get(String id) {
        return byId.get(id);
    }

    public Map<String, Location> all() {
        return byId;
    }
}
