package de.parkleit.cityinit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.cityinit.check.CheckReport;
import de.parkleit.cityinit.facilities.FacilitySource;
import de.parkleit.cityinit.facilities.FacilitySource.Format;
import de.parkleit.core.city.City;
import de.parkleit.platform.city.CityLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CityInitTest {

    @TempDir
    Path tmp;

    @Test
    void demoAreaWithTheParkApi2GaragesGivesAFolderTheCityLoaderRuns() throws Exception {
        Path out = tmp.resolve("hd");
        CityInit.Result r = new CityInit().run(Fixtures.request("Heidelberg again", new AreaSpec(Fixtures.DEMO_BBOX, null, null),
                new FacilitySource(Fixtures.DEMO_FACILITIES, Format.GEOJSON, null, ','), out));

        City city = CityLoader.load(out, "--city");
        assertThat(city.name()).isEqualTo("Heidelberg again");
        assertThat(city.facilities()).hasSize(19);
        assertThat(r.report().unconfirmed()).extracting(u -> u.facility().id()).containsExactly("heidelbergp19campbellbarracks");
        assertThat(r.report().unconfirmed().get(0).reason()).matches("outside the road network \\(\\d+ m\\)");
        assertThat(city.roadNetwork()).isEqualTo(out.resolve("roads.osm.pbf"));
        assertThat(Files.readString(out.resolve("city.properties"))).contains("timezone=Europe/Berlin", "locale=de");
        assertThat(Files.readString(out.resolve("README.md"))).contains("Map data © OpenStreetMap contributors, ODbL 1.0");
        String report = Files.readString(out.resolve("city-report.md"));
        assertThat(report).isEqualTo(r.report().markdown())
                .contains("| heidelbergp0ambismarckplatz (P0 Am Bismarckplatz) | 39 | underground |")
                .contains("Routing keeps the largest strongly connected component")
                .containsPattern("drops \\d+ of \\d+ junctions \\(\\d+\\.\\d %\\)");
        assertThat(report).contains("heidelbergp19campbellbarracks (P19 Campbell Barracks): implausible capacity 1 for a garage");
        assertThat(r.report().snaps()).filteredOn(s -> !s.facility().id().contains("p19"))
                .allSatisfy(s -> assertThat(s.meters()).isLessThan(100));
        assertThat(r.proposedSigns()).isPositive();
        assertThat(out.resolve("signs.proposed.geojson")).exists();
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("hd");
        }
    }

    @Test
    void aachenDatex2OutsideTheHeidelbergExtractIsAnErrorThatSaysWhereTheyLieAndWritesNothing() {
        Path out = tmp.resolve("aachen");
        FacilitySource aachen = new FacilitySource(Fixtures.resource("aachen-static.xml"), Format.DATEX2, null, ',');
        assertThatThrownBy(() -> new CityInit().run(Fixtures.request("Aachen", new AreaSpec(Fixtures.DEMO_BBOX, null, null), aachen, out)))
                .isInstanceOf(CityInitException.class)
                .hasMessageContaining("does not overlap the road extract")
                .hasMessageMatching("(?s).*: \\d+ facilities read from aachen-static.xml.*")
                .hasMessageContaining("around lat 50.7").hasMessageContaining("Nothing was written");
        assertThatThrownBy(() -> new CityInit().run(Fixtures.request("Aachen", new AreaSpec(null, null, 2.0), aachen, out)))
                .isInstanceOf(CityInitException.class)
                .hasMessageContaining("has no car roads in heidelberg.osm.pbf")
                .hasMessageContaining("the extract covers 7.7");
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void csvFacilitiesAroundThemselvesFlagMissingCapacityAndDuplicates() throws Exception {
        Path out = tmp.resolve("csv");
        FacilitySource csv = new FacilitySource(Fixtures.resource("heidelberg-garages.csv"), Format.CSV,
                de.parkleit.cityinit.facilities.CsvMapping.parse("id=Nr,name=Bezeichnung,capacity=Stellplätze,wkt=geom"), ';');
        CityInit.Result r = new CityInit().run(Fixtures.request("CSV", new AreaSpec(null, null, 1.0), csv, out));
        CheckReport report = r.report();
        assertThat(report.usable()).extracting(f -> f.id()).containsExactly("P00", "P01", "P03", "P04", "P05", "P00b");
        assertThat(report.unconfirmed()).extracting(u -> u.facility().id() + ": " + u.reason()).containsExactly("P06: no capacity");
        assertThat(report.markdown())
                .contains("P06 (P6 Henschel; Nord): no capacity: kept in facilities.unconfirmed.geojson")
                .contains("P00b (P0 Am Bismarckplatz): same name as P00 (P0 Am Bismarckplatz)")
                .containsPattern("P00b \\(P0 Am Bismarckplatz\\): 7 m from P00|P00 \\(P0 Am Bismarckplatz\\): 7 m from P00b")
                .contains("rejected: line 4: wkt longitude must be a number, got 'None'")
                .contains("crosses the edge of the area: the roads it continues on outside are not in the extract");
        assertThat(CityLoader.load(out, "--city").facilities()).hasSize(6);
        assertThat(out.resolve("facilities.unconfirmed.geojson")).exists();
    }

    @Test
    void southOfHeidelbergFromOsmParkingRunsAndCheckReproducesTheReport() throws Exception {
        Path out = tmp.resolve("south");
        CityInit.Result r = new CityInit().run(Fixtures.request("Heidelberg-Süd", new AreaSpec(Fixtures.SOUTH_BBOX, null, null), null, out));
        City city = CityLoader.load(out, "--city");
        assertThat(city.facilities()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.id()).startsWith("osm-");
            assertThat(Fixtures.SOUTH_BBOX.contains(f.lat(), f.lon())).isTrue();
        });
        CheckReport again = new CityFolder(out).check();
        assertThat(again.usable()).extracting(f -> f.id()).isEqualTo(r.report().usable().stream().map(f -> f.id()).toList());
        assertThat(again.findings()).isEqualTo(r.report().findings());
    }

    @Test
    void aBoundaryPolygonLimitsTheArea() {
        Path out = tmp.resolve("poly");
        CityInit.Result r = new CityInit().run(Fixtures.request("poly", new AreaSpec(null, Fixtures.resource("south-boundary.geojson"), null),
                null, out));
        assertThat(r.report().usable()).allSatisfy(f -> assertThat(f.lat()).isBetween(49.35, 49.385));
    }

    @Test
    void anExistingOutputFolderIsNeverOverwritten() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("taken"));
        assertThatThrownBy(() -> new CityInit().run(Fixtures.request("x", new AreaSpec(Fixtures.SOUTH_BBOX, null, null), null, out)))
                .isInstanceOf(CityInitException.class).hasMessageContaining("already exists");
    }
}
