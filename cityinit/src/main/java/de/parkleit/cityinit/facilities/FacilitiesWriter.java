package de.parkleit.cityinit.facilities;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes facilities as the GeoJSON FeatureCollection a city folder holds ({@code facilities.geojson},
 * read by {@code core.city.FacilitiesGeoJson}): Point features with {@code id}, {@code name},
 * {@code type}, {@code capacity} (omitted when unknown), {@code address}, {@code opening_hours}, {@code public_url}, {@code source}, {@code area_m2} (ground area of a polygon source).
 */
public final class FacilitiesWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FacilitiesWriter() {
    }

    public static void write(List<ImportedFacility> facilities, Path file) throws IOException {
        ObjectNode root = MAPPER.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = root.putArray("features");
        for (ImportedFacility f : facilities) {
            ObjectNode feature = features.addObject().put("type", "Feature");
            ObjectNode p = feature.putObject("properties");
            p.put("id", f.id()).put("name", f.name()).put("type", f.type().wireName());
            if (f.capacity() != null) {
                p.put("capacity", f.capacity());
            }
            p.put("address", f.address());
            if (f.openingHours() != null) {
                p.put("opening_hours", f.openingHours());
            }
            if (f.url() != null && !f.url().isBlank()) {
                p.put("public_url", f.url());
            }
            p.put("source", f.source());
            if (f.areaM2() > 0) {
                p.put("area_m2", Math.round(f.areaM2() * 10) / 10.0);
            }
            ArrayNode c = feature.putObject("geometry").put("type", "Point").putArray("coordinates");
            c.add(round(f.lon())).add(round(f.lat()));
        }
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    private static double round(double deg) {
        return Math.round(deg * 1e7) / 1e7;
    }
}
