package de.parkleit.dashboard.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.facility.FacilityType;
import de.parkleit.core.live.LiveBoard;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The Parking Publication Light export validated with {@code com.networknt:json-schema-validator}
 * against the official draft-7 schema (test resources {@code schemas/ppl}, see its README), for the full
 * demo-sized city, every facility case of {@link ExportCity} and a city without any data.
 */
class ParkingPublicationLightTest {

    static List<String> errors(JsonObject doc) {
        return PplSchema.errors(doc.encode());
    }

    private static JsonObject export(LiveBoard b) {
        return ParkingPublicationLight.write(b, "Heidelberg", OpenDataLicence.defaults(), ExportCity.NOW);
    }

    private static JsonObject site(JsonObject doc, String id) {
        for (Object o : doc.getJsonObject("parkingPublicationLight").getJsonArray("parkingSite")) {
            JsonObject s = (JsonObject) o;
            if (id.equals(s.getString("_id"))) {
                return s;
            }
        }
        throw new AssertionError("no site " + id);
    }

    @Test
    void schemaRejectsWhatItShould() {
        // the validator really checks: a site without its required type, an unwrapped enum, a negative count
        JsonObject doc = export(ExportCity.board());
        site(doc, "open").remove("type");
        site(doc, "full").put("occupancyTrend", "stable");
        site(doc, "pr").put("availableSpaces", -1);
        assertThat(errors(doc)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(String.join("\n", errors(doc))).contains("type").contains("occupancyTrend").contains("availableSpaces");
    }

    @Test
    void everyCaseValidatesAgainstTheOfficialSchema() {
        JsonObject doc = export(ExportCity.board());
        assertThat(errors(doc)).isEmpty();
        JsonObject p = doc.getJsonObject("parkingPublicationLight");
        assertThat(doc.getString("_modelBaseVersion")).isEqualTo("3");
        assertThat(p.getString("publicationTime")).isEqualTo("2026-11-26T12:00:00Z");
        assertThat(p.getJsonObject("_parkingPublicationLightExtension").getString("license")).isEqualTo("dl-de/by-2-0");
        assertThat(p.getJsonArray("parkingSite")).hasSize(ExportCity.facilities().size());
    }

    @Test
    void anOpenSiteCarriesCountsTrendAndItsStaticData() {
        JsonObject s = site(export(ExportCity.board()), "open");
        assertThat(s.getString("name")).isEqualTo(ExportCity.TRICKY_NAME);
        assertThat(s.getJsonObject("type").getString("value")).isEqualTo("carPark");
        assertThat(s.getInteger("numberOfSpaces")).isEqualTo(200);
        assertThat(s.getInteger("availableSpaces")).isEqualTo(150);
        assertThat(s.getJsonObject("occupancyTrend").getString("value")).isEqualTo("increasing");
        assertThat(s.getBoolean("isOpenNow")).isTrue();
        assertThat(s.getBoolean("temporaryClosed")).isFalse();
        assertThat(s.getString("lastUpdate")).isEqualTo("2026-11-26T11:59:30Z");
        assertThat(s.getJsonArray("openingTimesDescription")).containsExactly("Mo-Sa 07:00-23:00; Su off");
        assertThat(s.getString("urlLinkAddress")).isEqualTo("https://parken.example/open?a=1&b=2");
        assertThat(s.getJsonObject("locationAndDimension").getJsonObject("coordinatesForDisplay").getDouble("latitude"))
                .isEqualTo(49.41);
        assertThat(s.getJsonObject("locationAndDimension").getString("locationDescriptor")).isEqualTo("Hauptstraße 1,69117 Heidelberg");
        assertThat(site(export(ExportCity.board()), "full").getInteger("availableSpaces")).isZero();
    }

    @Test
    void withoutCurrentDataThereIsNoCountAndNoOpenFlag() {
        JsonObject doc = export(ExportCity.board());
        for (String id : List.of("silent", "stale")) {
            JsonObject s = site(doc, id);
            assertThat(s.fieldNames()).as(id).doesNotContain("availableSpaces", "occupancyTrend", "isOpenNow");
            assertThat(s.getInteger("numberOfSpaces")).as(id).isPositive();
        }
        JsonObject staleCount = site(doc, "stalecount");
        assertThat(staleCount.fieldNames()).as("a flagged-stale count is not published").doesNotContain("availableSpaces");
        assertThat(site(doc, "silent").fieldNames()).doesNotContain("lastUpdate");
    }

    @Test
    void closedSitesSayClosedAndAnOperatorClosureIsTemporary() {
        JsonObject doc = export(ExportCity.board());
        JsonObject closed = site(doc, "closed");
        assertThat(closed.getBoolean("isOpenNow")).isFalse();
        assertThat(closed.getBoolean("temporaryClosed")).isFalse();
        assertThat(closed.fieldNames()).doesNotContain("availableSpaces");
        JsonObject op = site(doc, "opclosed");
        assertThat(op.getBoolean("isOpenNow")).isFalse();
        assertThat(op.getBoolean("temporaryClosed")).isTrue();
        assertThat(op.fieldNames()).doesNotContain("availableSpaces");
        assertThat(op.getJsonObject("_parkingSiteExtension").getString("reason")).isEqualTo("Bauarbeiten & <Sperrung>");
        assertThat(site(doc, "reserved").getBoolean("temporaryClosed")).isTrue();
        JsonObject pr = site(doc, "pr");
        assertThat(pr.getJsonObject("type").getString("value")).isEqualTo("offStreetParkingGround");
        assertThat(pr.getJsonArray("assignedFor").getJsonObject(0).getJsonObject("user").getString("value")).isEqualTo("parkAndRideUsers");
        assertThat(pr.getJsonObject("occupancyTrend").getString("value")).isEqualTo("decreasing");
    }

    @Test
    void aCityWithoutAnyDataValidates() {
        LiveBoard empty = new LiveBoard(ExportCity.facilities(), Clock.fixed(ExportCity.NOW, ZoneOffset.UTC));
        JsonObject doc = export(empty);
        assertThat(errors(doc)).isEmpty();
        JsonArray sites = doc.getJsonObject("parkingPublicationLight").getJsonArray("parkingSite");
        assertThat(sites.stream().map(o -> (JsonObject) o).filter(s -> s.containsKey("availableSpaces"))).isEmpty();
    }

    @Test
    void theDemoCityValidatesWithEveryFacilityReporting() {
        var city = de.parkleit.dashboard.DashboardFixture.heidelberg();
        LiveBoard b = new LiveBoard(city.facilities(), Clock.fixed(ExportCity.NOW, ZoneOffset.UTC));
        int i = 0;
        for (Facility f : city.facilities()) {
            b.apply(new de.parkleit.core.state.FacilityState(f.id(), i++ % f.capacity(), f.capacity(),
                    de.parkleit.core.reading.FacilityStatus.OPEN, de.parkleit.core.state.Trend.values()[i % 4],
                    ExportCity.NOW.minusSeconds(i), java.util.Set.of()));
        }
        JsonObject doc = export(b);
        assertThat(errors(doc)).isEmpty();
        JsonArray sites = doc.getJsonObject("parkingPublicationLight").getJsonArray("parkingSite");
        assertThat(sites).hasSize(city.facilities().size());
        assertThat(sites.stream().map(o -> (JsonObject) o)).allMatch(s -> s.containsKey("availableSpaces"));
    }

    @Test
    void aLargeCityValidates() {
        List<Facility> many = IntStream.range(0, 500).mapToObj(i -> new Facility("f" + i, "Garage " + i + " & Co", FacilityType.values()[i % 6],
                49 + i / 1000.0, 8 + i / 1000.0, 10 + i, "")).toList();
        LiveBoard b = new LiveBoard(many, Clock.fixed(ExportCity.NOW, ZoneOffset.UTC));
        JsonObject doc = export(b);
        assertThat(errors(doc)).isEmpty();
        assertThat(doc.getJsonObject("parkingPublicationLight").getJsonArray("parkingSite")).hasSize(500);
    }
}
