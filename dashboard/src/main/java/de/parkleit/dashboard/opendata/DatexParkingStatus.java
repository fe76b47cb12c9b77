package de.parkleit.dashboard.opendata;

import de.parkleit.core.facility.Facility;
import de.parkleit.dashboard.live.FacilityJson;
import de.parkleit.core.live.LiveBoard;
import io.vertx.core.json.JsonObject;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A DATEX II v3 {@code ParkingStatusPublication} (namespaces {@code d2Payload}, {@code common},
 * {@code parking}; the parking model of DATEX II 3.0–3.4, which keeps the element names of 2.3):
 * one {@code ParkingSiteStatus} per facility with vacant/occupied spaces, occupancy percent and trend
 * in {@code parkingOccupancy}, site status and opening status. Facilities without current data say
 * {@code unknown} / {@code statusUnknown} and carry an empty {@code parkingOccupancy}; closed ones
 * {@code closed}, reserved ones {@code closedAbnormal}. Written with StAX, so every text is escaped.
 * {@code DatexParkingStatusTest} checks element order and enumerations against the documented model.
 */
final class DatexParkingStatus {

    static final String D2 = "http://datex2.eu/schema/3/d2Payload";
    static final String COM = "http://datex2.eu/schema/3/common";
    static final String PRK = "http://datex2.eu/schema/3/parking";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private DatexParkingStatus() {
    }

    static String write(LiveBoard view, String city, OpenDataLicence licence, Instant now) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeComment((" Licence: " + licence.name() + " (" + licence.url() + "); attribution: " + licence.attributionFor(city) + " ")
                    .replace("--", "- -"));
            w.writeStartElement("d2", "payload", D2);
            w.writeNamespace("d2", D2);
            w.writeNamespace("com", COM);
            w.writeNamespace("prk", PRK);
            w.writeNamespace("xsi", XSI);
            w.writeAttribute("xsi", XSI, "type", "prk:ParkingStatusPublication");
            w.writeAttribute("lang", "de");
            w.writeAttribute("modelBaseVersion", "3");
            text(w, COM, "publicationTime", now.toString());
            w.writeStartElement(COM, "publicationCreator");
            text(w, COM, "country", "DE");
            text(w, COM, "nationalIdentifier", "parkleit");
            w.writeEndElement();
            for (Facility f : view.facilities()) {
                site(w, FacilityJson.of(view, f.id()), now);
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write DATEX II status: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void site(XMLStreamWriter w, JsonObject f, Instant now) throws XMLStreamException {
        w.writeStartElement(PRK, "parkingRecordStatus");
        w.writeAttribute("xsi", XSI, "type", "prk:ParkingSiteStatus");
        w.writeEmptyElement(PRK, "parkingRecordReference");
        w.writeAttribute("id", f.getString("id"));
        w.writeAttribute("version", "1");
        w.writeAttribute("targetClass", "prk:ParkingRecord");
        String updated = f.getString("updatedAt");
        text(w, PRK, "parkingStatusOriginTime", updated == null ? now.toString() : updated);
        Integer free = f.getInteger("free");
        int capacity = f.getInteger("capacity");
        String status = f.getString("status");
        boolean closed = "closed".equals(status) || "reserved".equals(status);
        // parkingOccupancy is required; without current counts (or when closed) it stays empty
        w.writeStartElement(PRK, "parkingOccupancy");
        if (free != null && !closed) {
            text(w, PRK, "parkingNumberOfVacantSpaces", String.valueOf(free));
            text(w, PRK, "parkingNumberOfOccupiedSpaces", String.valueOf(Math.max(0, capacity - free)));
            text(w, PRK, "parkingOccupancy", String.format(Locale.ROOT, "%.1f", 100.0 * Math.max(0, capacity - free) / capacity));
            text(w, PRK, "parkingOccupancyTrend", trend(f.getString("trend")));
        }
        w.writeEndElement();
        if (!closed) {
            // ParkingSiteStatusEnum has no "closed": a closed site says so in its opening status only
            text(w, PRK, "parkingSiteStatus", free == null ? "unknown" : siteStatus(free, capacity));
        }
        text(w, PRK, "parkingSiteOpeningStatus", "closed".equals(status) ? "closed" : "reserved".equals(status)
                ? "closedAbnormal" : free == null ? "statusUnknown" : "open");
        w.writeEndElement();
    }

    private static String siteStatus(int free, int capacity) {
        if (free <= 0) {
            return "full";
        }
        return free < 0.05 * capacity ? "almostFull" : "spacesAvailable";
    }

    private static String trend(String t) {
        return switch (t) {
            case "filling" -> "increasing";
            case "emptying" -> "decreasing";
            case "steady" -> "stable";
            default -> "unknown";
        };
    }

    private static void text(XMLStreamWriter w, String ns, String name, String value) throws XMLStreamException {
        w.writeStartElement(ns, name);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
