package de.parkleit.cityinit;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.cityinit.extract.OsmWay;
import de.parkleit.cityinit.extract.PbfWriter;
import de.parkleit.cityinit.extract.RoadExtract;
import de.parkleit.cityinit.extract.RoadExtractor;
import de.parkleit.routing.osm.CarRules;
import de.parkleit.routing.osm.OsmGraphImporter;
import de.parkleit.routing.osm.OsmPbfReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoadExtractorTest {

    @TempDir
    Path tmp;

    @Test
    void cutsOnlyCarRoadsTouchingTheAreaAndKeepsCrossingWaysWhole() {
        RoadExtract ex = new RoadExtractor().extract(Fixtures.HEIDELBERG_PBF, Fixtures.DEMO_BBOX);
        assertThat(ex.regionNodes()).isGreaterThan(200_000);
        assertThat(ex.ways()).hasSizeBetween(1_000, 10_000);
        CarRules rules = new CarRules();
        boolean crossing = false;
        for (OsmWay w : ex.ways()) {
            assertThat(rules.evaluate(w.tags())).as(w.label()).isNotNull();
            boolean in = false;
            boolean out = false;
            for (long r : w.refs()) {
                int i = ex.indexOf(r);
                assertThat(i).as("node %d of %s is in the extract", r, w.label()).isNotNegative();
                boolean inside = Fixtures.DEMO_BBOX.contains(ex.latE7()[i] / 1e7, ex.lonE7()[i] / 1e7);
                in |= inside;
                out |= !inside;
            }
            assertThat(in).as("%s touches the area", w.label()).isTrue();
            crossing |= out;
        }
        assertThat(crossing).as("some way crosses the area edge and is kept whole").isTrue();
        assertThat(ex.parking()).as("amenity=parking inside the area").hasSizeGreaterThan(100);
    }

    @Test
    void theWrittenFileIsAPbfRoutingImportsWithTheSameWaysAndNodes() throws Exception {
        RoadExtract ex = new RoadExtractor().extract(Fixtures.HEIDELBERG_PBF, Fixtures.DEMO_BBOX);
        Path file = tmp.resolve("roads.osm.pbf");
        PbfWriter.write(ex, Fixtures.DEMO_BBOX, file);

        Set<Long> ways = new HashSet<>();
        new OsmPbfReader(file).readWays((id, refs, tags) -> ways.add(id));
        assertThat(ways).hasSize(ex.ways().size());
        long[] nodes = {0};
        double[] maxError = {0};
        new OsmPbfReader(file).readNodes((id, lat, lon, tags) -> {
            int i = ex.indexOf(id);
            maxError[0] = Math.max(maxError[0], Math.abs(lat - ex.latE7()[i] / 1e7) + Math.abs(lon - ex.lonE7()[i] / 1e7));
            nodes[0]++;
        });
        assertThat(nodes[0]).isEqualTo(ex.nodeIds().length);
        assertThat(maxError[0]).as("positions survive to 1e-7 degrees").isLessThan(2e-7);

        OsmGraphImporter.Imported im = new OsmGraphImporter(new CarRules()).read(file);
        assertThat(im.graph().nodeCount()).isGreaterThan(1_000);
        assertThat(im.droppedNodeShare()).isLessThan(0.3);
    }
}
