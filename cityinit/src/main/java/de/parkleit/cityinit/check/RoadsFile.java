package de.parkleit.cityinit.check;

import de.parkleit.cityinit.extract.OsmWay;
import de.parkleit.routing.graph.IntArrayList;
import de.parkleit.routing.graph.LongArrayList;
import de.parkleit.routing.osm.CarRules;
import de.parkleit.routing.osm.OsmGraphImporter;
import de.parkleit.routing.osm.OsmPbfReader;
import de.parkleit.routing.osm.WayRules;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A city's roads file as routing sees it: the car graph routing builds from it (largest strongly
 * connected component), every car way in the file, the node ids it holds and its barrier nodes.
 */
public record RoadsFile(OsmGraphImporter.Imported imported, Map<Long, OsmWay> carWays, long[] nodeIds, int[] latE7, int[] lonE7,
                        Map<Long, Map<String, String>> barriers) {

    public static RoadsFile read(Path pbf) {
        WayRules rules = new CarRules();
        OsmPbfReader reader = new OsmPbfReader(pbf);
        Map<Long, OsmWay> ways = new HashMap<>();
        reader.readWays((id, refs, tags) -> {
            if (refs.length >= 2 && tags.containsKey("highway") && rules.evaluate(tags) != null) {
                ways.put(id, new OsmWay(id, refs, tags));
            }
        });
        LongArrayList ids = new LongArrayList(1 << 14);
        IntArrayList lats = new IntArrayList(1 << 14);
        IntArrayList lons = new IntArrayList(1 << 14);
        Map<Long, Map<String, String>> barriers = new HashMap<>();
        reader.readNodes((id, lat, lon, tags) -> {
            ids.add(id);
            lats.add((int) Math.round(lat * 1e7));
            lons.add((int) Math.round(lon * 1e7));
            if (!tags.isEmpty() && rules.blocksAt(tags)) {
                barriers.put(id, tags);
            }
        });
        long[] sorted = ids.toArray();
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] <= sorted[i - 1]) {
                throw new IllegalArgumentException(pbf + ": nodes are not sorted by id (write it with city init or osmium sort)");
            }
        }
        return new RoadsFile(new OsmGraphImporter(rules).read(pbf), ways, sorted, lats.toArray(), lons.toArray(), barriers);
    }

    /** Latitude and longitude of a node of the file, or null. */
    public double[] position(long id) {
        int i = Arrays.binarySearch(nodeIds, id);
        return i < 0 ? null : new double[]{latE7[i] / 1e7, lonE7[i] / 1e7};
    }

    public boolean holdsNode(long id) {
        return Arrays.binarySearch(nodeIds, id) >= 0;
    }
}
