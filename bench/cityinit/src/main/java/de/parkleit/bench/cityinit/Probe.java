package de.parkleit.bench.cityinit;

import de.parkleit.cityinit.AreaSpec;
import de.parkleit.cityinit.CityInit;
import de.parkleit.routing.osm.CarRules;
import de.parkleit.routing.osm.OsmGraphImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * One measured run in a JVM of its own (started by {@link CityInitBench} with a given -Xmx):
 * {@code init FILE OUT} runs city init for the demo area with OSM facilities, {@code import FILE}
 * runs routing's whole-file graph import. Prints the milliseconds; runs out of heap (non-zero exit) if the task does not fit the -Xmx given.
 */
public final class Probe {

    private Probe() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Path file = Path.of(args[1]);
        if (args[0].equals("init")) {
            Path out = Path.of(args[2]);
            Files.createDirectories(out.getParent());
            new CityInit().run(new CityInit.Request("bench", file, new AreaSpec(CityInitBench.DEMO_BBOX, null, null), null, out,
                    ZoneId.of("Europe/Berlin"), "de", null, null));
        } else {
            OsmGraphImporter.Imported im = new OsmGraphImporter(new CarRules()).read(file);
            if (im.graph().nodeCount() == 0) {
                throw new IllegalStateException("empty graph");
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println(ms);
    }
}
