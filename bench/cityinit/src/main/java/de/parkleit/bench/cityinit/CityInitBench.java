package de.parkleit.bench.cityinit;

import de.parkleit.cityinit.AreaSpec;
import de.parkleit.cityinit.CityInit;
import de.parkleit.cityinit.area.BoundingBox;
import de.parkleit.cityinit.facilities.FacilitySource;
import de.parkleit.routing.osm.OsmPbfReader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * city init benchmark (docs/benchmarks.md, "City init"). Part 1: {@code city init} of the demo area
 * from the 2.5 MB Heidelberg extract with the ParkAPI2 garages, median of 5 runs, next to its floor
 * (the four plain streaming passes over the same file, no work per element). Part 2: peak heap of
 * whether city init runs in a fresh JVM with -Xmx32m, 64m, 256m (and how long it takes, JVM start
 * included) on that extract and on a generated 16-copy extract, next to routing's whole-file graph
 * import of the same files (its peer: it holds every car way of the file).
 */
public final class CityInitBench {

    static final BoundingBox DEMO_BBOX = new BoundingBox(8.655, 49.395, 8.725, 49.42);
    static final List<String> PROBE_XMX = List.of("-Xmx32m", "-Xmx64m", "-Xmx256m");
    private static final int COPIES = 16;

    private CityInitBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("parkleit.home", "../..")).toAbsolutePath().normalize();
        Path pbf = root.resolve("opendata/heidelberg/heidelberg.osm.pbf");
        Path facilities = root.resolve("cities/heidelberg/facilities.geojson");
        Path work = Files.createTempDirectory("parkleit-cityinit-bench-");
        System.out.printf(Locale.ROOT, "city init bench, %s (%.1f MB), %d cores, java %s%n", pbf.getFileName(), Files.size(pbf) / 1e6,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        for (int warm = 0; warm < 2; warm++) {
            init(pbf, facilities, work.resolve("warm" + warm));
            floor(pbf);
        }
        long[] init = new long[5];
        long[] floor = new long[5];
        for (int i = 0; i < init.length; i++) {
            long t0 = System.nanoTime();
            init(pbf, facilities, work.resolve("run" + i));
            init[i] = (System.nanoTime() - t0) / 1_000_000;
            t0 = System.nanoTime();
            floor(pbf);
            floor[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        System.out.printf(Locale.ROOT, "city init, demo bbox, ParkAPI2 facilities: median %d ms (runs %s)%n", median(init), Arrays.toString(init));
        System.out.printf(Locale.ROOT, "floor, 4 plain streaming passes:          median %d ms (runs %s)%n", median(floor), Arrays.toString(floor));

        Path big = work.resolve("region-x" + COPIES + ".osm.pbf");
        RegionGenerator.write(pbf, COPIES, 1.45, big);
        System.out.printf(Locale.ROOT, "generated %s: %.1f MB (%d copies of the extract side by side)%n", big.getFileName(),
                Files.size(big) / 1e6, COPIES);
        for (Path file : List.of(pbf, big)) {
            for (String xmx : PROBE_XMX) {
                String init1 = probe(xmx, "init", file.toString(), work.resolve("probe-" + xmx + file.getFileName()).toString());
                String imp = probe(xmx, "import", file.toString());
                System.out.printf(Locale.ROOT, "%-20s %-9s fresh JVM: city init %s | routing whole-file import %s%n",
                        file.getFileName(), xmx, init1, imp);
            }
        }
        deleteTree(work);
    }

    private static void init(Path pbf, Path facilities, Path out) {
        new CityInit().run(new CityInit.Request("bench", pbf, new AreaSpec(DEMO_BBOX, null, null),
                new FacilitySource(facilities, FacilitySource.Format.GEOJSON, null, ','), out, ZoneId.of("Europe/Berlin"), "de", null, null));
    }

    private static void floor(Path pbf) {
        long[] n = {0};
        OsmPbfReader r = new OsmPbfReader(pbf);
        r.readNodes((id, lat, lon, tags) -> n[0]++);
        blocksOnly(pbf); // city init's relation pass: every block decoded, only relations looked at
        r.readWays((id, refs, tags) -> n[0]++);
        r.readNodes((id, lat, lon, tags) -> n[0]++);
        if (n[0] == 0) {
            throw new IllegalStateException("empty file");
        }
    }

    private static void blocksOnly(Path pbf) {
        crosby.binary.BinaryParser p = new crosby.binary.BinaryParser() {
            @Override
            protected void parseRelations(List<crosby.binary.Osmformat.Relation> rels) {
            }

            @Override
            protected void parseDense(crosby.binary.Osmformat.DenseNodes nodes) {
            }

            @Override
            protected void parseNodes(List<crosby.binary.Osmformat.Node> nodes) {
            }

            @Override
            protected void parseWays(List<crosby.binary.Osmformat.Way> ways) {
            }

            @Override
            protected void parse(crosby.binary.Osmformat.HeaderBlock header) {
            }

            @Override
            public void complete() {
            }
        };
        try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(pbf), 1 << 16)) {
            new crosby.binary.file.BlockInputStream(in, p).process();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String probe(String xmx, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), xmx,
                "-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String line;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            line = r.lines().reduce((a, b) -> b).orElse("");
        }
        int exit = p.waitFor();
        return exit == 0 ? line + " ms" : "out of memory or failed (exit " + exit + ")";
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
