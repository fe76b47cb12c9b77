package de.parkleit.cityinit.facilities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Facilities from a ParkAPI v2 GeoJSON FeatureCollection (as ParkenDD/ParkAPI2-sources publish
 * them): Point features (a Polygon's first ring is averaged to a point) with properties
 * {@code id}, {@code name}, {@code type}, {@code capacity}, optional {@code address} and
 * {@code opening_hours}, {@code public_url} (or {@code url}) (and {@code source}, {@code area_m2} as {@code city init} writes them).
 */
public final class GeoJsonFacilities {

    private GeoJsonFacilities() {
    }

    public static FacilityList read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new IllegalArgumentException(file.getFileName() + " is not a GeoJSON FeatureCollection");
        }
        List<ImportedFacility> out = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        FacilityIds ids = new FacilityIds();
        int i = 0;
        for (JsonNode f : root.path("features")) {
            i++;
            JsonNode p = f.path("properties");
            String source = "feature " + i + (p.hasNonNull("id") ? " (" + p.path("id").asText() + ")" : "");
            double[] pos = position(f.path("geometry"));
            if (pos == null) {
                rejected.add(source + ": geometry must be a Point or Polygon");
                continue;
            }
            String name = p.path("name").asText(p.path("id").asText("facility " + i));
            Integer capacity = p.path("capacity").canConvertToInt() ? p.path("capacity").asInt() : null;
            try {
                out.add(new ImportedFacility(ids.next(p.path("id").asText(null), "facility-" + i), name,
                        FacilityTypes.guess(p.path("type").asText(null), name), pos[1], pos[0], capacity,
                        p.hasNonNull("opening_hours") ? p.path("opening_hours").asText() : null,
                        p.path("address").asText("").replace("\n", ", "), p.path("source").asText(source),
                        p.path("area_m2").asDouble(0),
                        p.hasNonNull("public_url") ? p.path("public_url").asText() : p.hasNonNull("url") ? p.path("url").asText() : null));
            } catch (IllegalArgumentException e) {
                rejected.add(source + ": " + e.getMessage());
            }
        }
        return new FacilityList(file.getFileName() + " (geojson)", out, rejected, i);
    }

    private static double[] position(JsonNode g) {
        JsonNode c = g.path("coordinates");
        switch (g.path("type").asText()) {
            case "Point":
                return c.size() >= 2 ? new double[]{c.get(0).asDouble(), c.get(1).asDouble()} : null;
            case "Polygon":
                JsonNode ring = c.get(0);
                if (ring == null || ring.size() < 4) {
                    return null;
                }
                double x = 0;
                double y = 0;
                for (int k = 0; k + 1 < ring.size(); k++) {
                    x += ring.get(k).get(0).asDouble();
                    y += ring.get(k).get(1).asDouble();
                }
                return new double[]{x / (ring.size() - 1), y / (ring.size() - 1)};
            default:
                return null;
        }
    }
}
