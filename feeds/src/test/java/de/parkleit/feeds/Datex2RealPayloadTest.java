package de.parkleit.feeds;

import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.feeds.datex2.Datex2Parser;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every site of the real Aachen DATEX II v2.3 payloads, expected values taken from the file by DOM. */
class Datex2RealPayloadTest {

    private static final String NS = "http://datex2.eu/schema/2/2_0";

    private static Document dom(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String text(Element e, String local) {
        NodeList l = e.getElementsByTagNameNS(NS, local);
        return l.getLength() == 0 ? null : l.item(0).getTextContent().trim();
    }

    private static Integer intOrNull(String s) {
        return s == null ? null : Integer.valueOf(s);
    }

    private static Double dblOrNull(String s) {
        return s == null ? null : Double.valueOf(s);
    }

    @Test
    void fixturesValidateAgainstTheOfficialSchema() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/schemas/datex2/v2.3/DATEXIISchema_2_2_3.xsd"));
        for (String f : new String[] {"aachen-static.xml", "aachen-realtime.xml"}) {
            schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(Fixtures.bytes(f))));
        }
    }

    @Test
    void staticTableEverySite() throws Exception {
        byte[] xml = Fixtures.bytes("aachen-static.xml");
        FeedSnapshot snap = new Datex2Parser().parse(new ByteArrayInputStream(xml));
        NodeList records = dom(xml).getElementsByTagNameNS(NS, "parkingRecord");
        assertThat(records.getLength()).isGreaterThan(10);
        assertThat(snap.problems()).isEmpty();
        assertThat(snap.sites()).hasSize(records.getLength());
        Map<String, FeedSite> byId = snap.sites().stream().collect(Collectors.toMap(FeedSite::sourceId, Function.identity()));
        for (int i = 0; i < records.getLength(); i++) {
            Element r = (Element) records.item(i);
            FeedSite s = byId.get(r.getAttribute("id"));
            assertThat(s).as(r.getAttribute("id")).isNotNull();
            assertThat(s.name()).isEqualTo(text(r, "value"));
            assertThat(s.capacity()).isEqualTo(intOrNull(text(r, "parkingNumberOfSpaces")));
            assertThat(s.lat()).isEqualTo(dblOrNull(text(r, "latitude")));
            assertThat(s.lon()).isEqualTo(dblOrNull(text(r, "longitude")));
            assertThat(s.free()).isNull();
            // type from parkingLayout (Aachen: multiStorey everywhere), opening hours from the one daily period
            String layout = text(r, "parkingLayout");
            assertThat(s.type()).as(s.sourceId()).isEqualTo("multiStorey".equals(layout)
                    ? de.parkleit.core.facility.FacilityType.GARAGE : s.type());
            String start = text(r, "startTimeOfPeriod");
            String end = text(r, "endTimeOfPeriod");
            assertThat(s.openingHours()).as(s.sourceId()).isEqualTo(start == null ? null
                    : start.startsWith("00:00") && end.startsWith("00:00") ? "24/7" : start.substring(0, 5) + "-" + end.substring(0, 5));
        }
        assertThat(snap.sites()).extracting(FeedSite::type).containsOnly(de.parkleit.core.facility.FacilityType.GARAGE);
    }

    @Test
    void statusPublicationEverySite() throws Exception {
        byte[] xml = Fixtures.bytes("aachen-realtime.xml");
        FeedSnapshot snap = new Datex2Parser().parse(new String(xml, java.nio.charset.StandardCharsets.UTF_8));
        NodeList statuses = dom(xml).getElementsByTagNameNS(NS, "parkingRecordStatus");
        assertThat(statuses.getLength()).isGreaterThan(10);
        assertThat(snap.problems()).isEmpty();
        assertThat(snap.sites()).hasSize(statuses.getLength());
        Map<String, FeedSite> byId = snap.sites().stream().collect(Collectors.toMap(FeedSite::sourceId, Function.identity()));
        for (int i = 0; i < statuses.getLength(); i++) {
            Element st = (Element) statuses.item(i);
            String id = ((Element) st.getElementsByTagNameNS(NS, "parkingRecordReference").item(0)).getAttribute("id");
            FeedSite s = byId.get(id);
            assertThat(s).as(id).isNotNull();
            assertThat(s.free()).as(id).isEqualTo(Integer.valueOf(text(st, "parkingNumberOfVacantSpaces")));
            assertThat(s.capacity()).as(id).isEqualTo(Integer.valueOf(text(st, "parkingNumberOfSpacesOverride")));
            assertThat(s.observedAt()).as(id).isEqualTo(Instant.parse(text(st, "parkingStatusOriginTime")));
            assertThat(s.status()).as(id).isEqualTo(
                    FacilityStatus.valueOf(text(st, "parkingSiteOpeningStatus").toUpperCase(java.util.Locale.ROOT)));
        }
    }
}
