package de.parkleit.routing.network;

import de.parkleit.core.city.FacilitiesGeoJson;
import de.parkleit.core.facility.Facility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The repository's OSM extracts, loaded once per test JVM. */
public final class TestNetworks {

    private static RoadNetwork heidelbergCar;

    private TestNetworks() {
    }

    /** {@code cities/heidelberg/roads.osm.pbf}: the centre cut of Heidelberg. */
    public static Path heidelbergCut() {
        return repoFile("cities/heidelberg/roads.osm.pbf");
    }

    public static Path repoFile(String relative) {
        Path p = Path.of("..").resolve(relative);
        if (!Files.exists(p)) {
            p = Path.of(relative);
        }
        if (!Files.exists(p)) {
            throw new IllegalStateException("test data " + relative + " not found from " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** The 20 garages of {@code cities/heidelberg/facilities.geojson}. */
    public static List<Facility> heidelbergFacilities() {
        Path file = repoFile("cities/heidelberg/facilities.geojson");
        try (InputStream in = Files.newInputStream(file)) {
            return FacilitiesGeoJson.parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized RoadNetwork heidelbergCar() {
        if (heidelbergCar == null) {
            heidelbergCar = RoadNetwork.load(heidelbergCut());
        }
        return heidelbergCar;
    }
}
