package de.parkleit.routing.osm;

import crosby.binary.BinaryParser;
import crosby.binary.Osmformat;
import crosby.binary.file.BlockInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the nodes or the ways of an OSM PBF file (osmpbf's {@link BinaryParser}). A graph
 * import reads the file twice: ways first (to learn which nodes matter), then node positions.
 * Relations are skipped.
 */
public final class OsmPbfReader {

    /** Receives each way: its id, node references in order and tags. */
    @FunctionalInterface
    public interface WayVisitor {
        void way(long id, long[] refs, Map<String, String> tags);
    }

    /** Receives each node's id, position in degrees and tags (an empty map for most nodes). */
    @FunctionalInterface
    public interface NodeVisitor {
        void node(long id, double lat, double lon, Map<String, String> tags);
    }

    private final Path file;

    public OsmPbfReader(Path file) {
        this.file = file;
    }

    public void readWays(WayVisitor visitor) {
        run(new Parser(visitor, null));
    }

    public void readNodes(NodeVisitor visitor) {
        run(new Parser(null, visitor));
    }

    private void run(Parser parser) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            new BlockInputStream(in, parser).process();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OSM extract " + file + ": " + e.getMessage(), e);
        }
    }

    private static final class Parser extends BinaryParser {
        private final WayVisitor ways;
        private final NodeVisitor nodes;

        Parser(WayVisitor ways, NodeVisitor nodes) {
            this.ways = ways;
            this.nodes = nodes;
        }

        @Override
        protected void parseWays(List<Osmformat.Way> list) {
            if (ways == null) {
                return;
            }
            for (Osmformat.Way w : list) {
                long[] refs = new long[w.getRefsCount()];
                long ref = 0;
                for (int i = 0; i < refs.length; i++) {
                    ref += w.getRefs(i);
                    refs[i] = ref;
                }
                Map<String, String> tags = new HashMap<>(w.getKeysCount() * 2);
                for (int i = 0; i < w.getKeysCount(); i++) {
                    tags.put(getStringById(w.getKeys(i)), getStringById(w.getVals(i)));
                }
                ways.way(w.getId(), refs, tags);
            }
        }

        @Override
        protected void parseDense(Osmformat.DenseNodes d) {
            if (nodes == null) {
                return;
            }
            long id = 0;
            long lat = 0;
            long lon = 0;
            int kv = 0;
            int kvCount = d.getKeysValsCount();
            for (int i = 0; i < d.getIdCount(); i++) {
                id += d.getId(i);
                lat += d.getLat(i);
                lon += d.getLon(i);
                Map<String, String> tags = Map.of();
                if (kv < kvCount) {
                    if (d.getKeysVals(kv) != 0) {
                        tags = new HashMap<>();
                        while (d.getKeysVals(kv) != 0) {
                            tags.put(getStringById(d.getKeysVals(kv)), getStringById(d.getKeysVals(kv + 1)));
                            kv += 2;
                        }
                    }
                    kv++;
                }
                nodes.node(id, parseLat(lat), parseLon(lon), tags);
            }
        }

        @Override
        protected void parseNodes(List<Osmformat.Node> list) {
            if (nodes == null) {
                return;
            }
            for (Osmformat.Node n : list) {
                Map<String, String> tags = new HashMap<>();
                for (int i = 0; i < n.getKeysCount(); i++) {
                    tags.put(getStringById(n.getKeys(i)), getStringById(n.getVals(i)));
                }
                nodes.node(n.getId(), parseLat(n.getLat()), parseLon(n.getLon()), tags);
            }
        }

        @Override
        protected void parseRelations(List<Osmformat.Relation> list) {
            // turn restrictions are not modelled (see RoadGraph)
        }

        @Override
        protected void parse(Osmformat.HeaderBlock header) {
            for (String feature : header.getRequiredFeaturesList()) {
                if (!feature.equals("OsmSchema-V0.6") && !feature.equals("DenseNodes")) {
                    throw new IllegalArgumentException("unsupported PBF feature " + feature);
                }
            }
        }

        @Override
        public void complete() {
            // nothing buffered
        }
    }
}
