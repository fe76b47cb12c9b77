package de.parkleit.feeds.datex2;

import de.parkleit.core.facility.FacilityType;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.feeds.CappedInputStream;
import de.parkleit.feeds.FeedFormatException;
import de.parkleit.feeds.FeedParser;
import de.parkleit.feeds.FeedProblem;
import de.parkleit.feeds.FeedSite;
import de.parkleit.feeds.FeedSnapshot;
import de.parkleit.feeds.Reasons;
import de.parkleit.feeds.Xml;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * DATEX II parking publications, one StAX pass. Reads v2.3 {@code d2LogicalModel} (a
 * {@code GenericPublication} holding a {@code ParkingTablePublication} → static sites, or a
 * {@code ParkingStatusPublication} → {@code ParkingSiteStatus} live counts) and v3 status
 * publications ({@code payload} root): elements are matched by local name, so the namespace
 * prefix and version do not matter. DTDs are refused (XXE, billion laughs).
 *
 * <p>Usable on any source: {@link #parse(InputStream)} or {@link #parse(String)}.
 */
public final class Datex2Parser implements FeedParser {

    private static final XMLInputFactory FACTORY = Xml.secureInputFactory();

    public FeedSnapshot parse(String xml) throws FeedFormatException {
        return parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public FeedSnapshot parse(InputStream in) throws FeedFormatException {
        List<FeedSite> sites = new ArrayList<>();
        List<FeedProblem> problems = new ArrayList<>();
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(in);
            boolean root = true;
            Site cur = null;
            // depth of the current record element, to know when it ends
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new FeedFormatException(Reasons.DTD, "DATEX II payload carries a DTD or entity reference; refused");
                }
                if (ev == XMLStreamConstants.END_ELEMENT) {
                    String ln = r.getLocalName();
                    if (cur != null && (ln.equals("parkingRecord") || ln.equals("parkingRecordStatus"))) {
                        cur.finish(sites, problems);
                        cur = null;
                    }
                    continue;
                }
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String ln = r.getLocalName();
                if (root) {
                    root = false;
                    if (!ln.equals("d2LogicalModel") && !ln.equals("payload")) {
                        throw new FeedFormatException(Reasons.WRONG_FORMAT,
                                "not a DATEX II document: root element <" + ln + ">");
                    }
                    continue;
                }
                switch (ln) {
                    case "parkingRecord" -> cur = new Site(attr(r, "id"), false);
                    case "parkingRecordStatus" -> cur = new Site(null, true);
                    case "parkingRecordReference" -> {
                        if (cur != null) {
                            cur.id = attr(r, "id");
                        }
                    }
                    default -> {
                        if (cur != null) {
                            cur.field(ln, r);
                        }
                    }
                }
            }
            if (root) {
                throw new FeedFormatException(Reasons.MALFORMED, "empty DATEX II payload");
            }
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof CappedInputStream.PayloadTooLargeException t) {
                throw new FeedFormatException(Reasons.TOO_LARGE, t.getMessage(), e);
            }
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("DOCTYPE") || msg.contains("DTD") || msg.contains("was referenced, but not declared")) {
                throw new FeedFormatException(Reasons.DTD, "DATEX II payload refused: " + oneLine(msg), e);
            }
            throw new FeedFormatException(Reasons.MALFORMED, "malformed DATEX II XML: " + oneLine(msg), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to free beyond the stream
                }
            }
        }
        return new FeedSnapshot(sites, problems);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ");
    }

    private static String attr(XMLStreamReader r, String name) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equals(name)) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    /** Mutable accumulator for one parkingRecord / parkingRecordStatus. */
    private static final class Site {
        String id;
        final boolean status;
        String name;
        String capacity;
        String override;
        String vacant;
        String occupied;
        String opening;
        String originTime;
        String lat;
        String lon;
        String layout;
        String urbanType;
        String periodStart;
        String periodEnd;
        int periods;
        String url;

        Site(String id, boolean status) {
            this.id = id;
            this.status = status;
        }

        void field(String ln, XMLStreamReader r) throws XMLStreamException {
            switch (ln) {
                case "value" -> {
                    if (name == null) {
                        name = r.getElementText().trim();
                    }
                }
                case "parkingNumberOfSpaces" -> capacity = first(capacity, r);
                case "parkingNumberOfSpacesOverride" -> override = first(override, r);
                case "parkingNumberOfVacantSpaces", "numberOfVacantParkingSpaces" -> vacant = first(vacant, r);
                case "parkingNumberOfOccupiedSpaces", "numberOfOccupiedParkingSpaces" -> occupied = first(occupied, r);
                case "parkingSiteOpeningStatus", "openingStatus" -> opening = first(opening, r);
                case "parkingStatusOriginTime" -> originTime = first(originTime, r);
                case "latitude" -> lat = first(lat, r);
                case "longitude" -> lon = first(lon, r);
                case "parkingLayout" -> layout = first(layout, r);
                case "urbanParkingSiteType" -> urbanType = first(urbanType, r);
                case "recurringTimePeriodOfDay" -> periods++;
                case "startTimeOfPeriod" -> periodStart = first(periodStart, r);
                case "endTimeOfPeriod" -> periodEnd = first(periodEnd, r);
                case "urlLinkAddress" -> url = first(url, r);
                default -> {
                }
            }
        }

        private static String first(String old, XMLStreamReader r) throws XMLStreamException {
            String t = r.getElementText().trim();
            return old != null ? old : t;
        }

        void finish(List<FeedSite> sites, List<FeedProblem> problems) {
            if (id == null || id.isBlank()) {
                problems.add(new FeedProblem(Reasons.MISSING_FIELD, null,
                        (status ? "parkingRecordStatus without parkingRecordReference id" : "parkingRecord without id")));
                return;
            }
            try {
                Integer cap = status ? integer(override != null ? override : capacity) : integer(capacity);
                Integer free = integer(vacant);
                Integer occ = integer(occupied);
                if (status && free == null && occ != null && cap != null) {
                    free = cap - occ;
                }
                if (status && free == null) {
                    problems.add(new FeedProblem(Reasons.MISSING_FIELD, id,
                            "status without parkingNumberOfVacantSpaces (or occupied + capacity)"));
                    return;
                }
                Instant ts = originTime == null ? null : Instant.parse(originTime);
                // one daily period (Aachen: 00:00:00-00:00:00) is the opening hours; several (by weekday) are not read
                String hours = periods == 1 ? FeedSite.dailyHours(periodStart, periodEnd) : null;
                sites.add(new FeedSite(id, name, cap, free, opening(opening), ts, dbl(lat), dbl(lon), type(layout, urbanType),
                        hours, url));
            } catch (NumberFormatException | DateTimeParseException e) {
                problems.add(new FeedProblem(Reasons.BAD_VALUE, id, "unreadable value: " + e.getMessage()));
            }
        }

        /** {@code parkingLayout} (multiStorey, underground, …), else {@code urbanParkingSiteType} onStreetParking. */
        static FacilityType type(String layout, String urbanType) {
            if (layout != null) {
                switch (layout) {
                    case "multiStorey", "undergroundAndMultistorey", "nested", "automatedParkingGarage" -> {
                        return FacilityType.GARAGE;
                    }
                    case "underground" -> {
                        return FacilityType.UNDERGROUND;
                    }
                    case "singleLevel", "openSpace", "field" -> {
                        return "onStreetParking".equals(urbanType) ? FacilityType.ON_STREET : FacilityType.LOT;
                    }
                    default -> {
                    }
                }
            }
            return "onStreetParking".equals(urbanType) ? FacilityType.ON_STREET : null;
        }

        private static Integer integer(String s) {
            return s == null || s.isEmpty() ? null : Integer.valueOf(s);
        }

        private static Double dbl(String s) {
            return s == null || s.isEmpty() ? null : Double.valueOf(s);
        }

        private static FacilityStatus opening(String s) {
            if (s == null) {
                return null;
            }
            return switch (s) {
                case "open" -> FacilityStatus.OPEN;
                case "closed" -> FacilityStatus.CLOSED;
                case "unknown" -> FacilityStatus.UNKNOWN;
                default -> null;
            };
        }
    }
}
