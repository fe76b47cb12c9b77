package de.parkleit.routing.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.parkleit.routing.graph.GeoPoint;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a city's {@code detectors.geojson}: a FeatureCollection of points with properties
 * {@code id} (the detector id of {@code parkleit/v1/traffic/{detector}}), optional
 * {@code heading} (degrees, direction of the measured traffic), {@code lanes} (default 1) and
 * {@code capacityPerLane} (vehicles per hour; default by road class).
 */
public final class DetectorsGeoJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DetectorsGeoJson() {
    }

    /** @throws IllegalArgumentException naming the feature index for anything malformed */
    public static List<Detector> parse(InputStream in, String sourceName) throws IOException {
        JsonNode root = MAPPER.readTree(in);
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new IllegalArgumentException(sourceName + ": not a GeoJSON FeatureCollection");
        }
        List<Detector> out = new ArrayList<>();
        int i = 0;
        for (JsonNode f : root.path("features")) {
            try {
                out.add(detector(f));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(sourceName + ": feature " + i + ": " + e.getMessage(), e);
            }
            i++;
        }
        return out;
    }

    private static Detector detector(JsonNode f) {
        JsonNode g = f.path("geometry");
        JsonNode c = g.path("coordinates");
        if (!"Point".equals(g.path("type").asText()) || c.size() != 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
            throw new IllegalArgumentException("geometry must be a Point [lon, lat]");
        }
        JsonNode p = f.path("properties");
        JsonNode heading = p.path("heading");
        return new Detector(p.path("id").asText(""), new GeoPoint(c.get(1).asDouble(), c.get(0).asDouble()),
                heading.isNumber() ? heading.asDouble() : null, p.path("lanes").asInt(1),
                p.path("capacityPerLane").asDouble(0));
    }
}
