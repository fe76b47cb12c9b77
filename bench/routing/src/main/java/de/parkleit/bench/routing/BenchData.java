package de.parkleit.bench.routing;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.CHProfile;
import com.graphhopper.config.Profile;
import com.graphhopper.util.GHUtility;
import de.parkleit.core.city.FacilitiesGeoJson;
import de.parkleit.core.facility.Facility;
import de.parkleit.routing.graph.GeoPoint;
import de.parkleit.routing.graph.RoadGraph;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** The repository's data for the benchmarks and the GraphHopper peer set up on it. */
final class BenchData {

    private BenchData() {
    }

    /** The repository root: {@code -Dparkleit.repo=…}, else the nearest parent holding {@code opendata/}. */
    static Path repo() {
        String prop = System.getProperty("parkleit.repo");
        Path p = Path.of(prop != null ? prop : "").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("opendata"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("run from the repository or pass -Dparkleit.repo=<checkout>");
        }
        return p;
    }

    static Path fullExtract() {
        return repo().resolve("opendata/heidelberg/heidelberg.osm.pbf");
    }

    static List<GeoPoint> garages() {
        Path file = repo().resolve("cities/heidelberg/facilities.geojson");
        try (InputStream in = Files.newInputStream(file)) {
            return FacilitiesGeoJson.parse(in, file.toString()).stream()
                    .map((Facility f) -> new GeoPoint(f.lat(), f.lon())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} random junction positions of a graph, the same for every engine. */
    static List<GeoPoint> randomJunctions(RoadGraph g, int count, long seed) {
        Random rnd = new Random(seed);
        List<GeoPoint> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int v = rnd.nextInt(g.nodeCount());
            out.add(new GeoPoint(g.lat(v), g.lon(v)));
        }
        return out;
    }

    /** GraphHopper 11 on the same extract: car profile (its car.json model) prepared for CH. */
    static GraphHopper graphHopper(Path pbf, Path dir) {
        GraphHopper hopper = new GraphHopper();
        hopper.setOSMFile(pbf.toString());
        hopper.setGraphHopperLocation(dir.toString());
        hopper.setEncodedValuesString("car_access, car_average_speed");
        hopper.setProfiles(new Profile("car").setCustomModel(GHUtility.loadCustomModelFromJar("car.json")));
        hopper.getCHPreparationHandler().setCHProfiles(new CHProfile("car"));
        hopper.importOrLoad();
        return hopper;
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
