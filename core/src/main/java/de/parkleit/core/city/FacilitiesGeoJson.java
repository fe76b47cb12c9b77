package de.parkleit.core.city;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.parkleit.core.Ids;
import de.parkleit.core.facility.Facility;
import de.parkleit.core.facility.FacilityType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a facilities file: a GeoJSON FeatureCollection of points in ParkAPI v2 style with
 * properties {@code id}, {@code name}, {@code type}, {@code capacity}, optional {@code address},
 * {@code opening_hours} (OpenStreetMap syntax) and {@code public_url} (or {@code url}).
 * Ids that are not city-neutral are rejected with the feature's index.
 */
public final class FacilitiesGeoJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FacilitiesGeoJson() {
    }

    public static List<Facility> parse(InputStream in, String sourceName) throws IOException {
        JsonNode root = MAPPER.readTree(in);
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new IllegalArgumentException(sourceName + ": not a GeoJSON FeatureCollection");
        }
        List<Facility> out = new ArrayList<>();
        int i = 0;
        for (JsonNode feature : root.path("features")) {
            JsonNode p = feature.path("properties");
            JsonNode coords = feature.path("geometry").path("coordinates");
            String where = sourceName + " feature " + i;
            if (!"Point".equals(feature.path("geometry").path("type").asText()) || coords.size() < 2) {
                throw new IllegalArgumentException(where + ": geometry must be a Point");
            }
            String id = p.path("id").asText(null);
            if (!Ids.isValid(id)) {
                throw new IllegalArgumentException(where + ": id must match [A-Za-z0-9_-]{1,64}, got " + id);
            }
            if (!p.path("capacity").canConvertToInt() || p.path("capacity").asInt() <= 0) {
                throw new IllegalArgumentException(where + " (" + id + "): capacity must be a positive integer");
            }
            try {
                out.add(new Facility(id, p.path("name").asText(id), FacilityType.parse(p.path("type").asText(null)),
                        coords.get(1).asDouble(), coords.get(0).asDouble(), p.path("capacity").asInt(),
                        p.path("address").asText("").replace('\n', ',').replace(",", ", ").replace(",  ", ", "),
                        text(p, "opening_hours"), text(p, "public_url").isEmpty() ? text(p, "url") : text(p, "public_url")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            i++;
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(sourceName + ": no facilities");
        }
        return out;
    }

    /** A string property, {@code ""} when absent or JSON null. */
    private static String text(JsonNode p, String name) {
        JsonNode v = p.path(name);
        return v.isTextual() ? v.asText() : "";
    }
}
