package de.parkleit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code parkleit city init|check} through the real command line: exit codes, messages, what is written. */
class CityCommandTest {

    static final String OSM = "../opendata/heidelberg/heidelberg.osm.pbf";
    static final String FIXTURES = "../cityinit/src/test/resources/facilities/";

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Parkleit.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"init", "check"})
    void subcommandsAnswerHelpAndRejectUnknownOptions(String sub) {
        Run help = run("city", sub, "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).startsWith("Usage: parkleit city " + sub);
        Run bad = sub.equals("init")
                ? run("city", sub, "--name", "x", "--osm", OSM, "--bbox", "8.6,49.3,8.7,49.4", "--out", tmp.resolve("x").toString(),
                "--no-such-option")
                : run("city", sub, tmp.toString(), "--no-such-option");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("Unknown option: '--no-such-option'", "Usage: parkleit city " + sub);
    }

    @Test
    void aachenStaticDatex2OnTheHeidelbergExtractExitsTwoSayingWhereTheFacilitiesLieAndWritesNothing() throws Exception {
        Path out = tmp.resolve("aachen");
        Run r = run("city", "init", "--name", "Aachen", "--osm", OSM, "--bbox", "8.655,49.395,8.725,49.42",
                "--facilities", FIXTURES + "aachen-static.xml", "--format", "datex2", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("parkleit city init: the facility list does not overlap the road extract: ")
                .containsPattern("\\d+ facilities read from aachen-static.xml \\(datex2\\)")
                .contains("around lat 50.7", "Nothing was written");
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s).as("no folder, no temp folder").isEmpty();
        }
    }

    @Test
    void badUsageExitsTwoWithTheReason() {
        Path out = tmp.resolve("x");
        Run noArea = run("city", "init", "--name", "x", "--osm", OSM, "--out", out.toString());
        assertThat(noArea.exit()).isEqualTo(2);
        assertThat(noArea.err()).contains("--bbox", "--boundary", "--around-facilities");
        Run badBox = run("city", "init", "--name", "x", "--osm", OSM, "--bbox", "8.7,49.4,8.6,49.5", "--out", out.toString());
        assertThat(badBox.exit()).isEqualTo(2);
        assertThat(badBox.err()).contains("W < E");
        Run csvNoMap = run("city", "init", "--name", "x", "--osm", OSM, "--bbox", "8.655,49.395,8.725,49.42",
                "--facilities", FIXTURES + "heidelberg-garages.csv", "--format", "csv", "--out", out.toString());
        assertThat(csvNoMap.exit()).isEqualTo(2);
        assertThat(csvNoMap.err()).contains("--format csv needs --csv-columns");
        assertThat(out).doesNotExist();
    }

    @Test
    void aSemicolonCsvWithWktPointsBuildsACityAndCheckReRunsTheReport() throws Exception {
        Path out = tmp.resolve("csv-city");
        Run r = run("city", "init", "--name", "Heidelberg CSV", "--osm", OSM, "--around-facilities", "1.5",
                "--facilities", FIXTURES + "heidelberg-garages.csv", "--format", "csv", "--csv-separator", ";",
                "--csv-columns", "id=Nr,name=Bezeichnung,capacity=Stellplätze,opening_hours=Öffnungszeiten,wkt=geom",
                "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("# City report: Heidelberg CSV")
                .contains("6 facilities run, 1 kept aside; 0 errors", "Run it: ./parkleit demo --city " + out);
        assertThat(Files.readString(out.resolve("facilities.geojson"))).contains("\"opening_hours\" : \"Mo-Su 06:00-22:00\"");
        for (String f : List.of("city.properties", "roads.osm.pbf", "facilities.unconfirmed.geojson", "city-report.md", "README.md",
                "signs.proposed.geojson")) {
            assertThat(out.resolve(f)).as(f).exists();
        }
        java.util.Set<String> ids = de.parkleit.platform.city.CityLoader.load(out, "--city").facilities().stream()
                .map(f -> f.id()).collect(java.util.stream.Collectors.toSet());
        assertThat(de.parkleit.guidance.signs.SignsFile.read(out.resolve("signs.proposed.geojson"), ids))
                .as("proposed signs load as signs.geojson once confirmed").isNotEmpty();
        Files.delete(out.resolve("city-report.md"));
        Run check = run("city", "check", out.toString());
        assertThat(check.exit()).as(check.err()).isZero();
        assertThat(check.out()).contains("P06 (P6 Henschel; Nord): no capacity", "6 facilities run, 1 kept aside");
        assertThat(out.resolve("city-report.md")).exists();

        Run notACity = run("city", "check", tmp.toString());
        assertThat(notACity.exit()).isEqualTo(2);
        assertThat(notACity.err()).contains("is not a city folder");
    }
}
