package de.parkleit.cityinit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.ByteString;
import crosby.binary.Osmformat;
import crosby.binary.file.BlockOutputStream;
import crosby.binary.file.FileBlock;
import de.parkleit.cityinit.area.BoundingBox;
import de.parkleit.cityinit.extract.OsmParking;
import de.parkleit.cityinit.extract.RoadExtract;
import de.parkleit.cityinit.extract.RoadExtractor;
import de.parkleit.cityinit.facilities.FacilityList;
import de.parkleit.cityinit.facilities.ImportedFacility;
import de.parkleit.cityinit.facilities.OsmFacilities;
import de.parkleit.core.facility.FacilityType;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A car park mapped as an {@code amenity=parking} multipolygon relation, its outline split into two ways and with a
 * hole (a building inside): read from a PBF written here, it becomes one facility with the area outer − inner, its
 * centroid as position, and the relation's tags.
 */
class ParkingRelationTest {

    @TempDir
    Path tmp;

    private static final double LAT0 = 49.380;
    private static final double LON0 = 8.690;

    @Test
    void aMultipolygonRelationIsOneFacilityWithItsHoleTakenOut() throws Exception {
        // nodes 1-4 outer square 0.001° lat × 0.0015° lon; 11-14 a hole in its north-east quarter; 21-22 a road
        Map<Long, double[]> nodes = new LinkedHashMap<>();
        nodes.put(1L, new double[] {LAT0, LON0});
        nodes.put(2L, new double[] {LAT0, LON0 + 0.0015});
        nodes.put(3L, new double[] {LAT0 + 0.001, LON0 + 0.0015});
        nodes.put(4L, new double[] {LAT0 + 0.001, LON0});
        nodes.put(11L, new double[] {LAT0 + 0.0006, LON0 + 0.0009});
        nodes.put(12L, new double[] {LAT0 + 0.0006, LON0 + 0.0012});
        nodes.put(13L, new double[] {LAT0 + 0.0009, LON0 + 0.0012});
        nodes.put(14L, new double[] {LAT0 + 0.0009, LON0 + 0.0009});
        nodes.put(21L, new double[] {LAT0 - 0.0005, LON0 - 0.001});
        nodes.put(22L, new double[] {LAT0 - 0.0005, LON0 + 0.003});
        Path pbf = tmp.resolve("relation.osm.pbf");
        write(pbf, nodes, List.of(
                way(100, Map.of(), 1, 2, 3),              // outer, first half
                way(101, Map.of(), 3, 4, 1),              // outer, second half
                way(102, Map.of("building", "yes"), 11, 12, 13, 14, 11), // inner
                way(200, Map.of("highway", "residential"), 21, 22)),
                Map.of("type", "multipolygon", "amenity", "parking", "name", "Parkplatz am Ring", "capacity", "120",
                        "parking", "surface", "opening_hours", "Mo-Sa 07:00-20:00"));

        RoadExtract ex = new RoadExtractor().extract(pbf, new BoundingBox(8.68, 49.37, 8.70, 49.39));
        assertThat(ex.ways()).hasSize(1);
        assertThat(ex.parking()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("relation");
            assertThat(p.id()).isEqualTo(500);
            double m = 111_320;
            double cos = Math.cos(Math.toRadians(LAT0));
            double outer = 0.001 * m * 0.0015 * m * cos;
            double hole = 0.0003 * m * 0.0003 * m * cos;
            assertThat(p.areaM2()).isCloseTo(outer - hole, within(1.0));
            // the centroid moves away from the hole (south-west of the square's centre)
            double cLat = (LAT0 + 0.0005) * outer - (LAT0 + 0.00075) * hole;
            double cLon = (LON0 + 0.00075) * outer - (LON0 + 0.00105) * hole;
            assertThat(p.lat()).isCloseTo(cLat / (outer - hole), within(1e-6));
            assertThat(p.lon()).isCloseTo(cLon / (outer - hole), within(1e-6));
        });
        FacilityList l = OsmFacilities.of(ex.parking());
        ImportedFacility f = l.facilities().get(0);
        assertThat(f.id()).isEqualTo("osm-relation-500");
        assertThat(f.name()).isEqualTo("Parkplatz am Ring");
        assertThat(f.capacity()).isEqualTo(120);
        assertThat(f.type()).isEqualTo(FacilityType.LOT);
        assertThat(f.openingHours()).isEqualTo("Mo-Sa 07:00-20:00");
    }

    @Test
    void aRelationOutsideTheAreaIsNotRead() throws Exception {
        Map<Long, double[]> nodes = new LinkedHashMap<>();
        nodes.put(1L, new double[] {LAT0, LON0});
        nodes.put(2L, new double[] {LAT0, LON0 + 0.0015});
        nodes.put(3L, new double[] {LAT0 + 0.001, LON0 + 0.0015});
        nodes.put(21L, new double[] {49.385, 8.75});
        nodes.put(22L, new double[] {49.386, 8.75});
        Path pbf = tmp.resolve("outside.osm.pbf");
        write(pbf, nodes, List.of(way(100, Map.of(), 1, 2, 3, 1), way(200, Map.of("highway", "residential"), 21, 22)),
                Map.of("type", "multipolygon", "amenity", "parking"));
        RoadExtract ex = new RoadExtractor().extract(pbf, new BoundingBox(8.74, 49.38, 8.76, 49.39));
        assertThat(ex.parking()).isEmpty();
        assertThat(ex.ways()).hasSize(1);
    }

    private record W(long id, Map<String, String> tags, long[] refs) {
    }

    private static W way(long id, Map<String, String> tags, long... refs) {
        return new W(id, tags, refs);
    }

    /** A PBF with the nodes, the ways and one relation 500 (ways 100, 101 outer, 102 inner when present). */
    private static void write(Path file, Map<Long, double[]> nodes, List<W> ways, Map<String, String> relTags) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            BlockOutputStream blocks = new BlockOutputStream(out);
            Osmformat.HeaderBlock header = Osmformat.HeaderBlock.newBuilder()
                    .addRequiredFeatures("OsmSchema-V0.6").addRequiredFeatures("DenseNodes").build();
            blocks.write(FileBlock.newInstance("OSMHeader", header.toByteString(), null));

            List<String> strings = new ArrayList<>(List.of(""));
            Osmformat.PrimitiveGroup.Builder g1 = Osmformat.PrimitiveGroup.newBuilder();
            Osmformat.DenseNodes.Builder dense = Osmformat.DenseNodes.newBuilder();
            long lastId = 0;
            long lastLat = 0;
            long lastLon = 0;
            for (Map.Entry<Long, double[]> n : nodes.entrySet()) {
                long lat = Math.round(n.getValue()[0] * 1e7);
                long lon = Math.round(n.getValue()[1] * 1e7);
                dense.addId(n.getKey() - lastId).addLat(lat - lastLat).addLon(lon - lastLon);
                lastId = n.getKey();
                lastLat = lat;
                lastLon = lon;
            }
            g1.setDense(dense);
            blocks.write(FileBlock.newInstance("OSMData", block(strings, g1).toByteString(), null));

            strings = new ArrayList<>(List.of(""));
            Osmformat.PrimitiveGroup.Builder g2 = Osmformat.PrimitiveGroup.newBuilder();
            for (W w : ways) {
                Osmformat.Way.Builder b = Osmformat.Way.newBuilder().setId(w.id());
                for (Map.Entry<String, String> t : w.tags().entrySet()) {
                    b.addKeys(id(strings, t.getKey())).addVals(id(strings, t.getValue()));
                }
                long last = 0;
                for (long r : w.refs()) {
                    b.addRefs(r - last);
                    last = r;
                }
                g2.addWays(b);
            }
            blocks.write(FileBlock.newInstance("OSMData", block(strings, g2).toByteString(), null));

            strings = new ArrayList<>(List.of(""));
            Osmformat.Relation.Builder rel = Osmformat.Relation.newBuilder().setId(500);
            for (Map.Entry<String, String> t : relTags.entrySet()) {
                rel.addKeys(id(strings, t.getKey())).addVals(id(strings, t.getValue()));
            }
            long last = 0;
            for (W w : ways) {
                if (w.id() >= 200) {
                    continue;
                }
                rel.addMemids(w.id() - last).addTypes(Osmformat.Relation.MemberType.WAY)
                        .addRolesSid(id(strings, w.id() == 102 ? "inner" : "outer"));
                last = w.id();
            }
            blocks.write(FileBlock.newInstance("OSMData",
                    block(strings, Osmformat.PrimitiveGroup.newBuilder().addRelations(rel)).toByteString(), null));
            blocks.flush();
        }
    }

    private static int id(List<String> strings, String s) {
        int i = strings.indexOf(s);
        if (i >= 0) {
            return i;
        }
        strings.add(s);
        return strings.size() - 1;
    }

    private static Osmformat.PrimitiveBlock block(List<String> strings, Osmformat.PrimitiveGroup.Builder g) {
        Osmformat.StringTable.Builder t = Osmformat.StringTable.newBuilder();
        strings.forEach(s -> t.addS(ByteString.copyFromUtf8(s)));
        return Osmformat.PrimitiveBlock.newBuilder().setStringtable(t).addPrimitivegroup(g).setGranularity(100).build();
    }
}
