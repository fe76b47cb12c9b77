package de.parkleit.cityinit;

import de.parkleit.cityinit.area.BoundingBox;
import java.nio.file.Path;
import java.time.ZoneId;

/** Paths of the repository's own data used by the tests (never ../shared). */
final class Fixtures {

    static final Path HEIDELBERG_PBF = Path.of("../opendata/heidelberg/heidelberg.osm.pbf");
    static final Path DEMO_FACILITIES = Path.of("../cities/heidelberg/facilities.geojson");
    /** The demo city's bbox (cities/heidelberg/README.md). */
    static final BoundingBox DEMO_BBOX = new BoundingBox(8.655, 49.395, 8.725, 49.42);
    /** Rohrbach, Boxberg, Leimen: south of the demo city. */
    static final BoundingBox SOUTH_BBOX = new BoundingBox(8.66, 49.35, 8.72, 49.39);

    private Fixtures() {
    }

    static Path resource(String name) {
        return Path.of("src/test/resources/facilities", name);
    }

    static CityInit.Request request(String name, AreaSpec area, de.parkleit.cityinit.facilities.FacilitySource facilities, Path out) {
        return new CityInit.Request(name, HEIDELBERG_PBF, area, facilities, out, ZoneId.of("Europe/Berlin"), "de", null, null);
    }
}
