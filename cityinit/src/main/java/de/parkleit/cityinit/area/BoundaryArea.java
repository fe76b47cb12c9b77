package de.parkleit.cityinit.area;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * An area given as a GeoJSON boundary: a Polygon or MultiPolygon geometry, Feature or the union of a
 * FeatureCollection's polygons (holes respected). Tests run against a JTS prepared geometry.
 */
public final class BoundaryArea implements Area {

    private static final GeometryFactory GF = new GeometryFactory();
    private final PreparedGeometry geometry;
    private final BoundingBox bounds;
    private final String source;

    BoundaryArea(Geometry g, String source) {
        this.geometry = PreparedGeometryFactory.prepare(g);
        Envelope e = g.getEnvelopeInternal();
        this.bounds = new BoundingBox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
        this.source = source;
    }

    public static BoundaryArea read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("--boundary " + file + ": not readable JSON: " + e.getMessage(), e);
        }
        List<Polygon> polygons = new ArrayList<>();
        collect(root, polygons);
        if (polygons.isEmpty()) {
            throw new IllegalArgumentException("--boundary " + file + ": no Polygon or MultiPolygon in it");
        }
        Geometry union = GF.createMultiPolygon(polygons.toArray(Polygon[]::new)).buffer(0);
        return new BoundaryArea(union, "boundary " + file.getFileName());
    }

    private static void collect(JsonNode n, List<Polygon> out) {
        switch (n.path("type").asText()) {
            case "FeatureCollection" -> n.path("features").forEach(f -> collect(f, out));
            case "Feature" -> collect(n.path("geometry"), out);
            case "Polygon" -> out.add(polygon(n.path("coordinates")));
            case "MultiPolygon" -> n.path("coordinates").forEach(p -> out.add(polygon(p)));
            default -> {
            }
        }
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[Math.max(0, rings.size() - 1)];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return GF.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode coords) {
        if (coords == null || coords.size() < 4) {
            throw new IllegalArgumentException("a boundary ring needs at least 4 positions");
        }
        Coordinate[] c = new Coordinate[coords.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Coordinate(coords.get(i).get(0).asDouble(), coords.get(i).get(1).asDouble());
        }
        if (!c[0].equals2D(c[c.length - 1])) {
            throw new IllegalArgumentException("a boundary ring must be closed (first position = last)");
        }
        return GF.createLinearRing(c);
    }

    @Override
    public boolean contains(double lat, double lon) {
        return bounds.contains(lat, lon) && geometry.covers(GF.createPoint(new Coordinate(lon, lat)));
    }

    @Override
    public BoundingBox bounds() {
        return bounds;
    }

    @Override
    public String describe() {
        return source + " (within " + bounds + ")";
    }
}
