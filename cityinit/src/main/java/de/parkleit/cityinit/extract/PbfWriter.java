package de.parkleit.cityinit.extract;

import com.google.protobuf.ByteString;
import crosby.binary.Osmformat;
import crosby.binary.file.BlockOutputStream;
import crosby.binary.file.FileBlock;
import de.parkleit.cityinit.area.BoundingBox;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link RoadExtract} as an OSM PBF file (zlib blocks, dense nodes, ways sorted by id) that
 * {@link de.parkleit.routing.osm.OsmPbfReader} and any PBF reader load. The header's {@code source}
 * carries the ODbL attribution.
 */
public final class PbfWriter {

    public static final String ATTRIBUTION = "Map data © OpenStreetMap contributors, ODbL 1.0";
    private static final int BLOCK = 8000;
    private static final int GRANULARITY = 100;

    private PbfWriter() {
    }

    public static void write(RoadExtract ex, BoundingBox bounds, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            BlockOutputStream blocks = new BlockOutputStream(out);
            blocks.write(FileBlock.newInstance("OSMHeader", header(bounds).toByteString(), null));
            for (int from = 0; from < ex.nodeIds().length; from += BLOCK) {
                blocks.write(FileBlock.newInstance("OSMData", nodes(ex, from, Math.min(ex.nodeIds().length, from + BLOCK)).toByteString(), null));
            }
            List<OsmWay> ways = ex.ways().stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
            for (int from = 0; from < ways.size(); from += BLOCK) {
                blocks.write(FileBlock.newInstance("OSMData", ways(ways.subList(from, Math.min(ways.size(), from + BLOCK))).toByteString(), null));
            }
            blocks.flush();
        }
    }

    private static Osmformat.HeaderBlock header(BoundingBox b) {
        return Osmformat.HeaderBlock.newBuilder()
                .addRequiredFeatures("OsmSchema-V0.6").addRequiredFeatures("DenseNodes")
                .addOptionalFeatures("Sort.Type_then_ID")
                .setWritingprogram("parkleit city init")
                .setSource(ATTRIBUTION)
                .setBbox(Osmformat.HeaderBBox.newBuilder()
                        .setLeft(nano(b.west())).setRight(nano(b.east())).setTop(nano(b.north())).setBottom(nano(b.south())))
                .build();
    }

    private static long nano(double deg) {
        return Math.round(deg * 1e9);
    }

    private static Osmformat.PrimitiveBlock nodes(RoadExtract ex, int from, int to) {
        Strings strings = new Strings();
        Osmformat.DenseNodes.Builder dense = Osmformat.DenseNodes.newBuilder();
        long lastId = 0;
        long lastLat = 0;
        long lastLon = 0;
        boolean anyTags = false;
        for (int i = from; i < to; i++) {
            anyTags |= ex.nodeTags().containsKey(i);
        }
        for (int i = from; i < to; i++) {
            long lat = Math.round(ex.latE7()[i] / 1e7 * 1e9 / GRANULARITY);
            long lon = Math.round(ex.lonE7()[i] / 1e7 * 1e9 / GRANULARITY);
            dense.addId(ex.nodeIds()[i] - lastId).addLat(lat - lastLat).addLon(lon - lastLon);
            lastId = ex.nodeIds()[i];
            lastLat = lat;
            lastLon = lon;
            if (anyTags) {
                for (Map.Entry<String, String> t : ex.nodeTags().getOrDefault(i, Map.of()).entrySet()) {
                    dense.addKeysVals(strings.id(t.getKey())).addKeysVals(strings.id(t.getValue()));
                }
                dense.addKeysVals(0);
            }
        }
        return block(strings, Osmformat.PrimitiveGroup.newBuilder().setDense(dense));
    }

    private static Osmformat.PrimitiveBlock ways(List<OsmWay> ways) {
        Strings strings = new Strings();
        Osmformat.PrimitiveGroup.Builder group = Osmformat.PrimitiveGroup.newBuilder();
        for (OsmWay w : ways) {
            Osmformat.Way.Builder b = Osmformat.Way.newBuilder().setId(w.id());
            w.tags().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(t -> b.addKeys(strings.id(t.getKey())).addVals(strings.id(t.getValue())));
            long last = 0;
            for (long r : w.refs()) {
                b.addRefs(r - last);
                last = r;
            }
            group.addWays(b);
        }
        return block(strings, group);
    }

    private static Osmformat.PrimitiveBlock block(Strings strings, Osmformat.PrimitiveGroup.Builder group) {
        return Osmformat.PrimitiveBlock.newBuilder().setStringtable(strings.table()).addPrimitivegroup(group)
                .setGranularity(GRANULARITY).build();
    }

    /** A block's string table; entry 0 is the empty string (the dense-node tag delimiter). */
    private static final class Strings {
        private final Map<String, Integer> ids = new HashMap<>();
        private final Osmformat.StringTable.Builder table = Osmformat.StringTable.newBuilder().addS(ByteString.EMPTY);

        int id(String s) {
            return ids.computeIfAbsent(s, k -> {
                table.addS(ByteString.copyFromUtf8(k));
                return table.getSCount() - 1;
            });
        }

        Osmformat.StringTable table() {
            return table.build();
        }
    }
}
