package de.parkleit.cityinit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.cityinit.extract.RoadExtractor;
import de.parkleit.cityinit.facilities.CsvMapping;
import de.parkleit.cityinit.facilities.FacilityList;
import de.parkleit.cityinit.facilities.FacilitySource;
import de.parkleit.cityinit.facilities.FacilitySource.Format;
import de.parkleit.cityinit.facilities.ImportedFacility;
import de.parkleit.cityinit.facilities.OsmFacilities;
import de.parkleit.core.Ids;
import de.parkleit.core.facility.FacilityType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FacilityFormatsTest {

    static FacilityList read(Path file, Format format) throws Exception {
        return new FacilitySource(file, format, null, ',').read();
    }

    static ImportedFacility byId(FacilityList l, String id) {
        return l.facilities().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id + " in " + l));
    }

    @Test
    void parkApi2GeoJsonKeepsIdsNamesCapacitiesTypesAndAddresses() throws Exception {
        FacilityList l = read(Fixtures.DEMO_FACILITIES, Format.GEOJSON);
        assertThat(l.facilities()).hasSize(20);
        ImportedFacility p0 = byId(l, "heidelbergp0ambismarckplatz");
        assertThat(p0.name()).isEqualTo("P0 Am Bismarckplatz");
        assertThat(p0.capacity()).isEqualTo(39);
        assertThat(p0.type()).isEqualTo(FacilityType.UNDERGROUND);
        assertThat(p0.lat()).isEqualTo(49.409747);
        assertThat(p0.address()).isEqualTo("Schneidmühlstraße 5, 69115 Heidelberg");
        assertThat(p0.url()).isNull();
        assertThat(byId(l, "heidelbergp10frebertplatz").url())
                .isEqualTo("http://www.heidelberger-stadtwerke.de/cms/Garagen/Parkhaus_Friedrich-Ebert-Platz/Parkhaus_Friedrich-Ebert-Platz.html");
    }

    @Test
    void datex2StaticTableOfAachenGivesItsSitesWithPositionsInAachen() throws Exception {
        FacilityList l = read(Fixtures.resource("aachen-static.xml"), Format.DATEX2);
        assertThat(l.facilities()).hasSizeGreaterThan(5);
        assertThat(l.facilities()).allSatisfy(f -> {
            assertThat(Ids.isValid(f.id())).as(f.id()).isTrue();
            assertThat(f.lat()).isBetween(50.7, 50.8);
            assertThat(f.lon()).isBetween(6.0, 6.2);
        });
        assertThat(l.facilities()).anySatisfy(f -> assertThat(f.capacity()).isPositive());
        // type and opening hours from the table itself (parkingLayout multiStorey, one period 00:00-00:00)
        assertThat(l.facilities()).allSatisfy(f -> {
            assertThat(f.type()).isEqualTo(FacilityType.GARAGE);
            assertThat(f.openingHours()).isEqualTo("24/7");
        });
    }

    @Test
    void ngsiOffStreetParkingOfHeidelbergDropsTheSiteWithoutPosition() throws Exception {
        FacilityList l = read(Fixtures.resource("heidelberg.json"), Format.NGSI);
        ImportedFacility p1 = byId(l, "P01");
        assertThat(p1.name()).isEqualTo("P1 Poststrasse");
        assertThat(p1.capacity()).isEqualTo(528);
        assertThat(p1.type()).isEqualTo(FacilityType.GARAGE); // parking_type "Parking Garage"
        assertThat(p1.openingHours()).isEqualTo("24/7");      // openingHours 00:00, closingHours 00:00
        assertThat(l.rejected()).anySatisfy(r -> assertThat(r).contains("P02"));
        assertThat(l.facilities().size() + l.rejected().size()).isGreaterThanOrEqualTo(l.entries());
    }

    @Test
    void parkApi3ListResponseGivesSitesWithCapacityAndTheirType() throws Exception {
        FacilityList l = read(Fixtures.resource("heidelberg-parkapi-v3.json"), Format.PARKAPI3);
        assertThat(l.facilities()).hasSize(7);
        assertThat(l.facilities()).allSatisfy(f -> assertThat(f.capacity()).isPositive());
        assertThat(l.facilities()).extracting(ImportedFacility::name).contains("P1 Poststrasse", "P4 Darmstaedter Hof");
        assertThat(l.facilities()).extracting(ImportedFacility::type).containsOnly(FacilityType.GARAGE); // type CAR_PARK
    }

    @Test
    void csvWithSemicolonsWktPointsAndGermanHeadersMapsColumnsAndRejectsBadRowsByLine() throws Exception {
        CsvMapping m = CsvMapping.parse("id=Nr,name=Bezeichnung,capacity=Stellplätze,opening_hours=Öffnungszeiten,wkt=geom");
        FacilityList l = new FacilitySource(Fixtures.resource("heidelberg-garages.csv"), Format.CSV, m, ';').read();
        assertThat(l.entries()).isEqualTo(9);
        assertThat(l.facilities()).extracting(ImportedFacility::id).containsExactly("P00", "P01", "P03", "P04", "P05", "P06", "P00b");
        ImportedFacility p0 = byId(l, "P00");
        assertThat(p0.lon()).isEqualTo(8.69190675);
        assertThat(p0.lat()).isEqualTo(49.40966598);
        assertThat(p0.openingHours()).isEqualTo("Mo-Su 06:00-22:00");
        assertThat(byId(l, "P06").name()).isEqualTo("P6 Henschel; Nord");
        assertThat(byId(l, "P06").capacity()).isNull();
        assertThat(l.rejected()).containsExactly("line 4: wkt longitude must be a number, got 'None'",
                "line 9: wkt longitude must be a number, got 'acht'");
    }

    @Test
    void csvMappingNamesWhatIsMissingOrUnknown() {
        assertThatThrownBy(() -> CsvMapping.parse("id=a,name=b")).hasMessageContaining("lat=…,lon=… or wkt=…");
        assertThatThrownBy(() -> CsvMapping.parse("id=a,lat=b,lon=c,colour=d")).hasMessageContaining("unknown field 'colour'");
        CsvMapping m = CsvMapping.parse("id=Nr,lat=Breite,lon=Länge");
        assertThatThrownBy(() -> new FacilitySource(Fixtures.resource("heidelberg-garages.csv"), Format.CSV, m, ';').read())
                .hasMessageMatching("heidelberg-garages.csv: no column '(Breite' for lat|Länge' for lon) \\(columns: Nr, Bezeichnung, .*; separator ';'\\)");
    }

    @Test
    void osmParkingAreasBecomeFacilitiesWithStableIdsCapacityTagAndAreaBasedType() {
        FacilityList l = OsmFacilities.of(new RoadExtractor().extract(Fixtures.HEIDELBERG_PBF, Fixtures.DEMO_BBOX).parking());
        assertThat(l.facilities()).hasSizeGreaterThan(50);
        assertThat(l.facilities()).allSatisfy(f -> assertThat(f.id()).matches("osm-(node|way)-\\d+"));
        assertThat(l.facilities()).anySatisfy(f -> {
            assertThat(f.type()).isEqualTo(FacilityType.GARAGE);
            assertThat(f.capacity()).isPositive();
            assertThat(f.areaM2()).isPositive();
        });
        assertThat(l.facilities()).anySatisfy(f -> assertThat(f.type()).isEqualTo(FacilityType.UNDERGROUND));
        assertThat(l.facilities()).anySatisfy(f -> assertThat(f.capacity()).isNull());
        assertThat(l.rejected()).anySatisfy(r -> assertThat(r).contains("not public"));
        FacilityList again = OsmFacilities.of(new RoadExtractor().extract(Fixtures.HEIDELBERG_PBF, Fixtures.DEMO_BBOX).parking());
        assertThat(again.facilities()).isEqualTo(l.facilities());
    }
}
