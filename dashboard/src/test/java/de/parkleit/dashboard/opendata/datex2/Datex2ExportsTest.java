package de.parkleit.dashboard.opendata.datex2;

import static de.parkleit.dashboard.opendata.datex2.Datex2Fixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.live.FreeSpaceOutlook;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The four DATEX II documents validated against the official XSDs (test resources {@code datex2/}): a city with one
 * facility per case (awkward name, full, no data, stale, closed, operator closure and reservation, on-street with
 * unreadable hours) and a generated city of 300; then what each says per facility.
 */
class Datex2ExportsTest {

    private final Datex2Exports cases = Datex2Fixture.exports(Datex2Fixture.cases(), Datex2Fixture.outlook(0.8734, "full"));

    @Test
    void everyDocumentOfTheCasesIsValidAgainstItsSchema() {
        assertThat(Datex2Schemas.V2_3.errors(cases.table23(NOW))).isEmpty();
        assertThat(Datex2Schemas.V2_3.errors(cases.status23(NOW))).isEmpty();
        assertThat(Datex2Schemas.V3_6.errors(cases.table36(NOW))).isEmpty();
        assertThat(Datex2Schemas.V3_6.errors(cases.status36(NOW))).isEmpty();
    }

    @Test
    void everyDocumentOfAGeneratedCityIsValid() {
        Datex2Exports city = Datex2Fixture.exports(Datex2Fixture.city(300, 7), Datex2Fixture.outlook(0.42));
        assertThat(Datex2Schemas.V2_3.errors(city.table23(NOW))).isEmpty();
        assertThat(Datex2Schemas.V2_3.errors(city.status23(NOW))).isEmpty();
        assertThat(Datex2Schemas.V3_6.errors(city.table36(NOW))).isEmpty();
        assertThat(Datex2Schemas.V3_6.errors(city.status36(NOW))).isEmpty();
    }

    @Test
    void theValidationIsNotVacuous() {
        String status = cases.status23(NOW);
        assertThat(Datex2Schemas.V2_3.errors(status.replaceFirst(">open<", ">ajar<"))).isNotEmpty();
        assertThat(Datex2Schemas.V3_6.errors(status)).isNotEmpty();
        String v3 = cases.status36(NOW);
        assertThat(Datex2Schemas.V3_6.errors(v3.replaceFirst("<prk:status>", "<prk:parkingSiteStatus>")
                .replaceFirst("</prk:status>", "</prk:parkingSiteStatus>"))).isNotEmpty();
        assertThat(Datex2Schemas.V3_6.errors(v3.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"))).isNotEmpty();
    }

    @Test
    void v23StatusSaysCountsSiteAndOpeningStatusPerFacility() throws Exception {
        Map<String, Element> s = byId(parse(cases.status23(NOW)), "parkingRecordStatus", "parkingRecordReference");
        Element open = s.get("open");
        assertThat(text(open, "parkingNumberOfSpacesOverride")).isEqualTo("200");
        assertThat(text(open, "parkingNumberOfVacantSpaces")).isEqualTo("150");
        assertThat(text(open, "parkingNumberOfOccupiedSpaces")).isEqualTo("50");
        assertThat(text(child(open, "parkingOccupancy"), "parkingOccupancy")).isEqualTo("25.0");
        assertThat(text(open, "parkingOccupancyTrend")).isEqualTo("increasing");
        assertThat(text(open, "parkingSiteStatus")).isEqualTo("spacesAvailable");
        assertThat(text(open, "parkingSiteOpeningStatus")).isEqualTo("open");
        assertThat(text(open, "parkingStatusOriginTime")).isEqualTo(NOW.minusSeconds(30).toString());
        assertThat(text(open, "almostFullIncreasing")).isEqualTo("95");
        assertThat(text(open, "fullIncreasing")).isEqualTo("100");
        assertThat(text(s.get("full"), "parkingSiteStatus")).isEqualTo("full");
        assertThat(text(s.get("street"), "parkingSiteStatus")).isEqualTo("almostFull");
        for (String id : List.of("silent", "stale")) {
            assertThat(children(child(s.get(id), "parkingOccupancy"))).as(id).isEmpty();
            assertThat(text(s.get(id), "parkingSiteStatus")).isEqualTo("unknown");
            assertThat(text(s.get(id), "parkingSiteOpeningStatus")).isEqualTo("statusUnknown");
        }
        assertThat(text(s.get("stale"), "parkingStatusOriginTime")).isEqualTo(NOW.minusSeconds(3600).toString());
        assertThat(text(s.get("closed"), "parkingSiteOpeningStatus")).isEqualTo("closed");
        assertThat(children(child(s.get("closed"), "parkingOccupancy"))).isEmpty();
        assertThat(child(s.get("closed"), "parkingSiteStatus")).isNull();
        Element op = s.get("opclosed");
        assertThat(text(op, "parkingSiteOpeningStatus")).isEqualTo("closed");
        assertThat(text(op, "parkingStatusDescription")).isEqualTo(Datex2Fixture.CLOSURE_REASON);
        assertThat(text(op, "overallEndTime")).isEqualTo(NOW.plusSeconds(3600).toString());
        assertThat(children(child(op, "parkingOccupancy"))).isEmpty();
        assertThat(text(s.get("reserved"), "parkingSiteOpeningStatus")).isEqualTo("closedAbnormal");
    }

    @Test
    void v23TableCarriesNameCapacityPositionHoursAndAnEscapedName() throws Exception {
        String xml = cases.table23(NOW);
        assertThat(xml).contains("Müller &amp; Söhne &lt;Parkhaus&gt;");
        Map<String, Element> r = byIdAttr(parse(xml), "parkingRecord");
        Element open = r.get("open");
        assertThat(text(open, "value")).isEqualTo(Datex2Fixture.AWKWARD_NAME);
        assertThat(text(open, "parkingNumberOfSpaces")).isEqualTo("200");
        assertThat(text(open, "latitude")).isEqualTo("49.41");
        assertThat(text(open, "urlLinkAddress")).isEqualTo("https://example.org/p?a=1&b=2");
        assertThat(text(open, "startTimeOfPeriod")).isEqualTo("07:00:00");
        assertThat(all(open, "applicableDay")).containsExactly("monday", "tuesday", "wednesday", "thursday", "friday",
                "saturday");
        assertThat(text(r.get("full"), "available24hours")).isEqualTo("true");
        assertThat(child(r.get("street"), "openingTimes")).as("unreadable hours are left out").isNull();
        assertThat(child(r.get("street"), "urlLinkAddress")).isNull();
        assertThat(text(r.get("street"), "urbanParkingSiteType")).isEqualTo("onStreetParking");
        Map<String, Element> status = byId(parse(cases.status23(NOW)), "parkingRecordStatus", "parkingRecordReference");
        assertThat(first(status.get("open"), "parkingRecordReference").getAttribute("version"))
                .isEqualTo(open.getAttribute("version"));
    }

    @Test
    void v36StatusHasCurrentAndForecastRecordsOnlyForFacilitiesWithCurrentCounts() throws Exception {
        Element root = parse(cases.status36(NOW));
        Map<String, List<Element>> records = new LinkedHashMap<>();
        for (Element e : children(root)) {
            if (e.getLocalName().equals("parkingStatusInformation")) {
                records.computeIfAbsent(first(e, "reference").getAttribute("id"), k -> new ArrayList<>()).add(e);
            }
        }
        List<Element> open = records.get("open");
        assertThat(open).hasSize(4);
        assertThat(text(open.get(0), "numberOfVacantSpaces")).isEqualTo("150");
        assertThat(text(open.get(0), "openingStatus")).isEqualTo("open");
        assertThat(text(open.get(0), "status")).isEqualTo("spacesAvailable");
        assertThat(child(open.get(0), "statusValidity")).isNull();
        for (int i = 1; i <= 3; i++) {
            Element f = open.get(i);
            Element validity = child(f, "statusValidity");
            assertThat(validity.getAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "type")).isEqualTo("prk:ValidityByTime");
            assertThat(text(validity, "statusTime")).isEqualTo(NOW.plusSeconds(60L * Datex36Status.HORIZONS.get(i - 1)).toString());
            assertThat(text(child(child(f, "occupancy"), "probability"), "percentage")).isEqualTo("87.3");
        }
        assertThat(records.get("full")).as("the forecaster has nothing for it").hasSize(1);
        for (String id : List.of("silent", "stale", "closed", "opclosed", "reserved")) {
            assertThat(records.get(id)).as(id).hasSize(1);
            assertThat(child(records.get(id).get(0), "occupancy")).as(id).isNull();
        }
        assertThat(text(records.get("silent").get(0), "openingStatus")).isEqualTo("statusUnknown");
        assertThat(text(records.get("opclosed").get(0), "openingStatus")).isEqualTo("closed");
        assertThat(text(records.get("opclosed").get(0), "statusDescription")).isEqualTo(Datex2Fixture.CLOSURE_REASON);
        assertThat(text(records.get("reserved").get(0), "openingStatus")).isEqualTo("temporarilyClosed");
        assertThat(records.get("street")).hasSize(4);
    }

    @Test
    void withoutAForecasterTheV36StatusHasOnlyCurrentRecords() throws Exception {
        Element root = parse(Datex2Fixture.exports(Datex2Fixture.cases(), FreeSpaceOutlook.NONE).status36(NOW));
        assertThat(children(root).stream().filter(e -> e.getLocalName().equals("parkingStatusInformation"))).hasSize(8);
    }

    @Test
    void v36TableCarriesPlacesWithSupplyHoursAndThresholdsInPercent() throws Exception {
        Map<String, Element> r = byIdAttr(parse(cases.table36(NOW)), "hierarchyElementGeneral");
        Element open = r.get("open");
        assertThat(text(child(open, "name"), "value")).isEqualTo(Datex2Fixture.AWKWARD_NAME);
        assertThat(text(open, "quantity")).isEqualTo("200");
        assertThat(text(open, "longitude")).isEqualTo("8.69");
        assertThat(text(open, "endTimeOfPeriod")).isEqualTo("23:00:00");
        assertThat(all(open, "lowerThresholdInPercent")).containsExactly("95", "100");
        assertThat(first(r.get("full"), "operatingHours").getAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "type"))
                .isEqualTo("fac:OpenAllHours");
        assertThat(child(r.get("street"), "operatingHours")).isNull();
    }

    @Test
    void controlCharactersInANameCannotBreakTheDocument() {
        assertThat(XmlOut.clean("a\u0001b\u0000c\td")).isEqualTo("a\uFFFDb\uFFFDc\td");
        assertThat(XmlOut.clean("plain")).isSameAs("plain");
    }

    static Element parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }

    /** Every element named {@code local} in document order, keyed by the id of its {@code refLocal} child. */
    private static Map<String, Element> byId(Element root, String local, String refLocal) {
        Map<String, Element> out = new LinkedHashMap<>();
        var list = root.getElementsByTagNameNS("*", local);
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            out.put(first(e, refLocal).getAttribute("id"), e);
        }
        return out;
    }

    private static Map<String, Element> byIdAttr(Element root, String local) {
        Map<String, Element> out = new LinkedHashMap<>();
        var list = root.getElementsByTagNameNS("*", local);
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            out.put(e.getAttribute("id"), e);
        }
        return out;
    }

    private static Element first(Element e, String local) {
        return (Element) e.getElementsByTagNameNS("*", local).item(0);
    }

    private static String text(Element e, String local) {
        Element c = first(e, local);
        return c == null ? null : c.getTextContent();
    }

    private static List<String> all(Element e, String local) {
        List<String> out = new ArrayList<>();
        var list = e.getElementsByTagNameNS("*", local);
        for (int i = 0; i < list.getLength(); i++) {
            out.add(list.item(i).getTextContent());
        }
        return out;
    }

    private static Element child(Element e, String local) {
        return children(e).stream().filter(k -> k.getLocalName().equals(local)).findFirst().orElse(null);
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }
}
