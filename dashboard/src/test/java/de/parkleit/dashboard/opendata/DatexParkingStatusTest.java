package de.parkleit.dashboard.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.facility.FacilityType;
import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.Trend;
import de.parkleit.core.live.LiveBoard;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The DATEX II v3 export against the documented structure of a {@code ParkingStatusPublication}.
 * The official XSDs of DATEX II 3 are not available offline (no Maven artifact bundles them), so this
 * checks what the schema would: namespaces and {@code xsi:type}s, the element order of the sequences
 * {@code ParkingRecordStatus} / {@code ParkingSiteStatus} / {@code ParkingOccupancy}, required elements
 * and the enumeration values, as documented in the DATEX II parking model (element names of 2.3, kept
 * in the parking namespace of 3.0–3.4).
 */
class DatexParkingStatusTest {

    static final String D2 = "http://datex2.eu/schema/3/d2Payload";
    static final String COM = "http://datex2.eu/schema/3/common";
    static final String PRK = "http://datex2.eu/schema/3/parking";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    /** ParkingRecordStatus, then its extension ParkingSiteStatus (only the elements a status may carry, in order). */
    static final List<String> RECORD_STATUS_ORDER = List.of("parkingRecordReference", "parkingStatusOriginTime",
            "parkingStatusDescription", "parkingQueueingTime", "parkingConditions", "blurredAvailability", "parkingFault",
            "winterEquipmentManagementType", "parkingSpaceStatus", "parkingOccupancy", "groupOfParkingSpacesStatus",
            "parkingStatusValidity", "overrideParkingThresholds", "parkingEquipmentOrServiceFacilityStatus",
            "parkingUsageScenarioStatus", "parkingAccessStatus", "parkingRouteStatus",
            "parkingSiteStatus", "parkingSiteOpeningStatus", "parkingSiteOvercrowdingStatus", "parkingSiteFullAtFloor");
    static final Set<String> RECORD_STATUS_REQUIRED = Set.of("parkingRecordReference", "parkingStatusOriginTime", "parkingOccupancy");
    static final List<String> OCCUPANCY_ORDER = List.of("parkingNumberOfSpacesOverride", "parkingNumberOfVacantSpaces",
            "parkingNumberOfVacantSpacesLowerThan", "parkingNumberOfVacantSpacesHigherThan", "parkingNumberOfVacantSpacesGraded",
            "parkingNumberOfOccupiedSpaces", "parkingNumberOfVehicles", "parkingOccupancy", "parkingOccupancyGraded",
            "parkingOccupancyTrend", "parkingNotAllowed", "vehicleCountAndRate");
    static final Map<String, Set<String>> ENUMS = Map.of(
            "parkingSiteStatus", Set.of("spacesAvailable", "almostFull", "fullAtEntrance", "full", "unknown", "other"),
            "parkingSiteOpeningStatus", Set.of("open", "closed", "closedAbnormal", "openingTimesInForce", "statusUnknown", "other"),
            "parkingOccupancyTrend", Set.of("decreasing", "increasing", "stable", "increasingQuickly", "increasingSlowly",
                    "decreasingQuickly", "decreasingSlowly", "unknown", "other"));

    private final Instant now = Instant.parse("2026-11-26T12:00:00Z");
    private final List<Facility> facilities = List.of(
            new Facility("open", "Open", FacilityType.GARAGE, 49.41, 8.69, 200, ""),
            new Facility("full", "Full", FacilityType.GARAGE, 49.41, 8.70, 100, ""),
            new Facility("silent", "Silent", FacilityType.GARAGE, 49.41, 8.71, 50, ""),
            new Facility("closed", "Closed", FacilityType.GARAGE, 49.41, 8.72, 80, ""),
            new Facility("reserved", "Reserved", FacilityType.UNDERGROUND, 49.41, 8.73, 60, ""));

    private Element export() throws Exception {
        LiveBoard view = new LiveBoard(facilities, Clock.fixed(now, ZoneOffset.UTC));
        view.apply(new FacilityState("open", 150, 200, FacilityStatus.OPEN, Trend.FILLING, now.minusSeconds(30), Set.of()));
        view.apply(new FacilityState("full", 0, 100, FacilityStatus.OPEN, Trend.STEADY, now.minusSeconds(30), Set.of()));
        view.apply(new FacilityState("closed", 20, 80, FacilityStatus.OPEN, Trend.STEADY, now.minusSeconds(30), Set.of()));
        view.apply(new FacilityState("reserved", 20, 60, FacilityStatus.OPEN, Trend.STEADY, now.minusSeconds(30), Set.of()));
        view.applyOperation("closed", new FacilityOperation("closed", FacilityStatus.CLOSED, "Bauarbeiten",
                now.plusSeconds(3600), "alice", now.minusSeconds(60)));
        view.applyOperation("reserved", new FacilityOperation("reserved", FacilityStatus.RESERVED, "Messe",
                now.plusSeconds(3600), "alice", now.minusSeconds(60)));
        String xml = DatexParkingStatus.write(view, "Heidelberg", OpenDataLicence.defaults(), now);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }

    @Test
    void payloadIsAParkingStatusPublicationWithPublicationTimeAndCreatorFirst() throws Exception {
        Element root = export();
        assertThat(root.getNamespaceURI()).isEqualTo(D2);
        assertThat(root.getLocalName()).isEqualTo("payload");
        assertThat(root.getAttributeNS(XSI, "type")).isEqualTo("prk:ParkingStatusPublication");
        assertThat(root.lookupNamespaceURI("prk")).isEqualTo(PRK);
        assertThat(root.getAttribute("modelBaseVersion")).isEqualTo("3");
        assertThat(root.getAttribute("lang")).isEqualTo("de");
        List<Element> children = children(root);
        assertThat(names(children.subList(0, 2))).containsExactly(COM + " publicationTime", COM + " publicationCreator");
        assertThat(Instant.parse(children.get(0).getTextContent())).isEqualTo(now);
        assertThat(names(children(children.get(1)))).containsExactly(COM + " country", COM + " nationalIdentifier");
        assertThat(names(children.subList(2, children.size()))).hasSize(facilities.size())
                .allMatch(n -> n.equals(PRK + " parkingRecordStatus"));
    }

    @Test
    void everySiteStatusFollowsTheSequenceOrderWithItsRequiredElementsAndDocumentedEnumerations() throws Exception {
        for (Element status : statuses(export()).values()) {
            assertThat(status.getAttributeNS(XSI, "type")).isEqualTo("prk:ParkingSiteStatus");
            List<Element> kids = children(status);
            assertThat(kids).allMatch(k -> PRK.equals(k.getNamespaceURI()));
            assertInOrder(kids, RECORD_STATUS_ORDER);
            assertThat(kids.stream().map(Element::getLocalName)).containsAll(RECORD_STATUS_REQUIRED);
            Element ref = kids.get(0);
            assertThat(ref.getAttribute("id")).isNotEmpty();
            assertThat(ref.getAttribute("version")).isNotEmpty();
            assertThat(ref.getAttribute("targetClass")).isEqualTo("prk:ParkingRecord");
            Instant.parse(kids.get(1).getTextContent());
            Element occupancy = kids.stream().filter(k -> k.getLocalName().equals("parkingOccupancy")).findFirst().orElseThrow();
            assertInOrder(children(occupancy), OCCUPANCY_ORDER);
            List<Element> all = new ArrayList<>(kids);
            all.addAll(children(occupancy));
            for (Element e : all) {
                Set<String> allowed = ENUMS.get(e.getLocalName());
                if (allowed != null) {
                    assertThat(allowed).as(e.getLocalName()).contains(e.getTextContent());
                }
            }
        }
    }

    @Test
    void countsStatusAndOpeningStatusPerFacility() throws Exception {
        Map<String, Element> s = statuses(export());
        Element open = s.get("open");
        assertThat(text(open, "parkingNumberOfVacantSpaces")).isEqualTo("150");
        assertThat(text(open, "parkingNumberOfOccupiedSpaces")).isEqualTo("50");
        assertThat(text(open, "parkingOccupancy")).isEqualTo("25.0");
        assertThat(text(open, "parkingOccupancyTrend")).isEqualTo("increasing");
        assertThat(text(open, "parkingSiteStatus")).isEqualTo("spacesAvailable");
        assertThat(text(open, "parkingSiteOpeningStatus")).isEqualTo("open");
        assertThat(text(s.get("full"), "parkingSiteStatus")).isEqualTo("full");
        assertThat(text(s.get("silent"), "parkingSiteStatus")).isEqualTo("unknown");
        assertThat(text(s.get("silent"), "parkingSiteOpeningStatus")).isEqualTo("statusUnknown");
        assertThat(children(child(s.get("silent"), "parkingOccupancy"))).isEmpty();
        assertThat(child(s.get("closed"), "parkingSiteStatus")).isNull();
        assertThat(text(s.get("closed"), "parkingSiteOpeningStatus")).isEqualTo("closed");
        assertThat(children(child(s.get("closed"), "parkingOccupancy"))).isEmpty();
        assertThat(text(s.get("reserved"), "parkingSiteOpeningStatus")).isEqualTo("closedAbnormal");
    }

    private static void assertInOrder(List<Element> elements, List<String> order) {
        int last = -1;
        for (Element e : elements) {
            int i = order.indexOf(e.getLocalName());
            assertThat(i).as(e.getLocalName() + " is an element of the sequence").isGreaterThanOrEqualTo(0);
            assertThat(i).as(e.getLocalName() + " comes after the element before it").isGreaterThan(last);
            last = i;
        }
    }

    private static Map<String, Element> statuses(Element root) {
        Map<String, Element> out = new java.util.LinkedHashMap<>();
        for (Element e : children(root)) {
            if (e.getLocalName().equals("parkingRecordStatus")) {
                out.put(children(e).get(0).getAttribute("id"), e);
            }
        }
        return out;
    }

    private static Element child(Element e, String local) {
        return children(e).stream().filter(k -> k.getLocalName().equals(local)).findFirst().orElse(null);
    }

    private static String text(Element status, String local) {
        Element direct = child(status, local);
        if (direct != null && !local.equals("parkingOccupancy")) {
            return direct.getTextContent();
        }
        return child(child(status, "parkingOccupancy"), local).getTextContent();
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

    private static List<String> names(List<Element> elements) {
        return elements.stream().map(e -> e.getNamespaceURI() + " " + e.getLocalName()).toList();
    }
}
