package de.parkleit.bench.cityinit;

import de.parkleit.cityinit.area.BoundingBox;
import de.parkleit.cityinit.extract.OsmWay;
import de.parkleit.cityinit.extract.PbfWriter;
import de.parkleit.cityinit.extract.RoadExtract;
import de.parkleit.routing.graph.IntArrayList;
import de.parkleit.routing.graph.LongArrayList;
import de.parkleit.routing.osm.OsmPbfReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A large synthetic region: {@code copies} copies of an extract side by side, each shifted east by
 * the extract's width, with ids offset so they never collide. Every node and way of the source is
 * kept (tags of nodes only where they say {@code barrier} or {@code amenity}).
 */
final class RegionGenerator {

    private static final long ID_STRIDE = 1L << 40;

    private RegionGenerator() {
    }

    static void write(Path source, int copies, double shiftDeg, Path out) throws IOException {
        LongArrayList ids = new LongArrayList(1 << 18);
        IntArrayList lat = new IntArrayList(1 << 18);
        IntArrayList lon = new IntArrayList(1 << 18);
        Map<Integer, Map<String, String>> tags = new HashMap<>();
        OsmPbfReader reader = new OsmPbfReader(source);
        reader.readNodes((id, la, lo, t) -> {
            if (t.containsKey("barrier") || t.containsKey("amenity")) {
                tags.put(ids.size(), Map.copyOf(t));
            }
            ids.add(id);
            lat.add((int) Math.round(la * 1e7));
            lon.add((int) Math.round(lo * 1e7));
        });
        List<OsmWay> ways = new ArrayList<>();
        reader.readWays((id, refs, t) -> ways.add(new OsmWay(id, refs, Map.copyOf(t))));
        int n = ids.size();
        long[] allIds = new long[n * copies];
        int[] allLat = new int[n * copies];
        int[] allLon = new int[n * copies];
        Map<Integer, Map<String, String>> allTags = new HashMap<>();
        List<OsmWay> allWays = new ArrayList<>(ways.size() * copies);
        for (int c = 0; c < copies; c++) {
            int shift = (int) Math.round(c * shiftDeg * 1e7);
            for (int i = 0; i < n; i++) {
                allIds[c * n + i] = ids.get(i) + c * ID_STRIDE;
                allLat[c * n + i] = lat.get(i);
                allLon[c * n + i] = lon.get(i) + shift;
            }
            for (Map.Entry<Integer, Map<String, String>> e : tags.entrySet()) {
                allTags.put(c * n + e.getKey(), e.getValue());
            }
            for (OsmWay w : ways) {
                long[] refs = new long[w.refs().length];
                for (int k = 0; k < refs.length; k++) {
                    refs[k] = w.refs()[k] + c * ID_STRIDE;
                }
                allWays.add(new OsmWay(w.id() + c * ID_STRIDE, refs, w.tags()));
            }
        }
        RoadExtract region = new RoadExtract(allWays, allIds, allLat, allLon, allTags, List.of(), null, 0, 0, 0, 0);
        PbfWriter.write(region, new BoundingBox(7.0, 49.0, Math.min(180, 9.2 + copies * shiftDeg), 49.6), out);
    }
}
