package de.parkleit.cityinit.extract;

import crosby.binary.BinaryParser;
import crosby.binary.Osmformat;
import crosby.binary.file.BlockInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.polygonize.Polygonizer;

/**
 * {@code amenity=parking} mapped as a {@code type=multipolygon} relation (a car park with a hole, or one whose
 * outline is split into several ways): the relations are read in a pass of their own (they hold only member ids,
 * a few per relation, never the region), their member ways in the ways pass, their nodes in the node pass. The
 * rings are assembled by JTS's {@link Polygonizer} on a local plane in metres: area = outer − inner, position =
 * the centroid of that.
 */
final class ParkingRelations {

    private static final double M_PER_DEG = 111_320;
    private static final GeometryFactory GF = new GeometryFactory();

    /** One relation: its tags and the ids of its outer and inner member ways. */
    record Relation(long id, Map<String, String> tags, long[] outer, long[] inner) {
    }

    private ParkingRelations() {
    }

    static List<Relation> read(Path region) {
        List<Relation> out = new ArrayList<>();
        BinaryParser parser = new BinaryParser() {
            @Override
            protected void parseRelations(List<Osmformat.Relation> list) {
                for (Osmformat.Relation r : list) {
                    Map<String, String> tags = new HashMap<>();
                    for (int i = 0; i < r.getKeysCount(); i++) {
                        tags.put(getStringById(r.getKeys(i)), getStringById(r.getVals(i)));
                    }
                    if (!"multipolygon".equals(tags.get("type")) || !"parking".equals(tags.get("amenity"))) {
                        continue;
                    }
                    List<Long> outer = new ArrayList<>();
                    List<Long> inner = new ArrayList<>();
                    long mem = 0;
                    for (int i = 0; i < r.getMemidsCount(); i++) {
                        mem += r.getMemids(i);
                        if (r.getTypes(i) != Osmformat.Relation.MemberType.WAY) {
                            continue;
                        }
                        String role = getStringById(r.getRolesSid(i));
                        (role.equals("inner") ? inner : outer).add(mem);
                    }
                    if (!outer.isEmpty()) {
                        out.add(new Relation(r.getId(), Map.copyOf(tags),
                                outer.stream().mapToLong(Long::longValue).toArray(),
                                inner.stream().mapToLong(Long::longValue).toArray()));
                    }
                }
            }

            @Override
            protected void parseDense(Osmformat.DenseNodes nodes) {
            }

            @Override
            protected void parseNodes(List<Osmformat.Node> nodes) {
            }

            @Override
            protected void parseWays(List<Osmformat.Way> ways) {
            }

            @Override
            protected void parse(Osmformat.HeaderBlock header) {
            }

            @Override
            public void complete() {
            }
        };
        try (InputStream in = new BufferedInputStream(Files.newInputStream(region), 1 << 16)) {
            new BlockInputStream(in, parser).process();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OSM extract " + region + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The parking area of a relation, or empty when its outer rings do not close with the nodes the extract holds.
     *
     * @param memberRefs node references of every member way read
     */
    static Optional<OsmParking> of(Relation rel, Map<Long, long[]> memberRefs, RoadExtract nodes) {
        double lat0 = Double.NaN;
        Polygonizer outer = new Polygonizer();
        Polygonizer inner = new Polygonizer();
        for (int pass = 0; pass < 2; pass++) {
            long[] ways = pass == 0 ? rel.outer() : rel.inner();
            for (long w : ways) {
                long[] refs = memberRefs.get(w);
                if (refs == null || refs.length < 2) {
                    if (pass == 0) {
                        return Optional.empty();
                    }
                    continue;
                }
                Coordinate[] c = new Coordinate[refs.length];
                for (int i = 0; i < refs.length; i++) {
                    int k = nodes.indexOf(refs[i]);
                    if (k < 0) {
                        return Optional.empty();
                    }
                    double lat = nodes.latE7()[k] / 1e7;
                    double lon = nodes.lonE7()[k] / 1e7;
                    if (Double.isNaN(lat0)) {
                        lat0 = lat;
                    }
                    c[i] = new Coordinate(lon * M_PER_DEG * Math.cos(Math.toRadians(lat0)), lat * M_PER_DEG);
                }
                (pass == 0 ? outer : inner).add(GF.createLineString(c).union()); // union nodes the line for the polygonizer
            }
        }
        @SuppressWarnings("unchecked")
        List<Geometry> outs = new ArrayList<>((java.util.Collection<Geometry>) outer.getPolygons());
        if (outs.isEmpty()) {
            return Optional.empty();
        }
        Geometry area = GF.buildGeometry(outs).union();
        @SuppressWarnings("unchecked")
        java.util.Collection<Geometry> ins = (java.util.Collection<Geometry>) inner.getPolygons();
        if (!ins.isEmpty()) {
            area = area.difference(GF.buildGeometry(new ArrayList<>(ins)).union());
        }
        if (area.isEmpty() || area.getArea() < 1e-6) {
            return Optional.empty();
        }
        Point c = area.getCentroid();
        double cos = Math.cos(Math.toRadians(lat0));
        return Optional.of(new OsmParking("relation", rel.id(), c.getY() / M_PER_DEG, c.getX() / (M_PER_DEG * cos),
                area.getArea(), rel.tags()));
    }
}
