package de.parkleit.dashboard.opendata.export;

import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.Trend;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A DATEX II v3.6 {@code ParkingStatusPublication} (root {@code d2:payload} of {@code DATEXII_3_D2Payload.xsd}):
 * one {@code parkingStatusInformation} per facility with {@code reference} (the facility id),
 * {@code lastUpdated}, {@code openingStatus}, a {@code statusDescription} for operator overrides and an
 * {@code occupancy} (vacant and occupied spaces, occupancy percent, trend) when the count is current.
 * Facilities without current data say {@code statusUnknown} and carry no occupancy; closed ones
 * {@code closed}, operator closures {@code temporarilyClosed}. Written with StAX, so every text is escaped.
 * Valid against the v3.6 XSDs ({@code DatexV36StatusTest}).
 */
public final class DatexV36Status {

    public static final String D2 = "http://datex2.eu/schema/3/d2Payload";
    public static final String COM = "http://datex2.eu/schema/3/common";
    public static final String FAC = "http://datex2.eu/schema/3/facilities";
    public static final String PRK = "http://datex2.eu/schema/3/parking";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private static final XMLOutputFactory OUT = XMLOutputFactory.newFactory();

    private DatexV36Status() {
    }

    public static String write(ExportSnapshot snap) {
        StringWriter out = new StringWriter(256 + 600 * snap.sites().size());
        try {
            XMLStreamWriter w = OUT.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeComment((" Licence: " + snap.licenceName() + " (" + snap.licenceUrl() + "); attribution: "
                    + snap.attribution() + " ").replace("--", "- -"));
            w.writeStartElement("d2", "payload", D2);
            w.writeNamespace("d2", D2);
            w.writeNamespace("com", COM);
            w.writeNamespace("fac", FAC);
            w.writeNamespace("prk", PRK);
            w.writeNamespace("xsi", XSI);
            w.writeAttribute("xsi", XSI, "type", "prk:ParkingStatusPublication");
            w.writeAttribute("lang", "de");
            w.writeAttribute("modelBaseVersion", "3");
            w.writeStartElement(COM, "feedDescription");
            multilingual(w, COM, "Parking status, " + snap.city() + ". Licence " + snap.licenceName() + " ("
                    + snap.licenceUrl() + "), attribution: " + snap.attribution());
            w.writeEndElement();
            text(w, COM, "publicationTime", snap.now().toString());
            w.writeStartElement(COM, "publicationCreator");
            text(w, COM, "country", "DE");
            text(w, COM, "nationalIdentifier", "parkleit");
            w.writeEndElement();
            for (ExportSite s : snap.sites()) {
                site(w, s, snap);
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write DATEX II v3.6 status: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void site(XMLStreamWriter w, ExportSite s, ExportSnapshot snap) throws XMLStreamException {
        w.writeStartElement(PRK, "parkingStatusInformation");
        w.writeEmptyElement(FAC, "reference");
        w.writeAttribute("id", s.facility().id());
        w.writeAttribute("version", "1");
        w.writeAttribute("targetClass", "fac:FacilityObject");
        Optional<Integer> free = s.currentFree();
        if (s.updatedAt().isPresent()) {
            text(w, FAC, "lastUpdated", s.updatedAt().get().toString());
        }
        text(w, FAC, "openingStatus", openingStatus(s, free.isPresent()));
        if (s.operation().isPresent()) {
            w.writeStartElement(FAC, "statusDescription");
            multilingual(w, COM, s.operation().get().reason());
            w.writeEndElement();
        }
        if (free.isPresent()) {
            int capacity = s.capacity();
            int occupied = Math.max(0, capacity - free.get());
            w.writeStartElement(PRK, "occupancy");
            text(w, PRK, "numberOfVacantSpaces", String.valueOf(free.get()));
            text(w, PRK, "numberOfOccupiedSpaces", String.valueOf(occupied));
            if (capacity > 0) {
                text(w, PRK, "occupancy", String.format(Locale.ROOT, "%.1f", 100.0 * occupied / capacity));
            }
            text(w, PRK, "occupancyTrend", trend(s.state().trend()));
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    static String openingStatus(ExportSite s, boolean current) {
        if (s.closed()) {
            return s.operatorClosure() ? "temporarilyClosed" : "closed";
        }
        return current && s.state().status() == FacilityStatus.OPEN ? "open" : "statusUnknown";
    }

    static String trend(Trend t) {
        return switch (t) {
            case FILLING -> "increasing";
            case EMPTYING -> "decreasing";
            case STEADY -> "stable";
            default -> "unknown";
        };
    }

    static void multilingual(XMLStreamWriter w, String ns, String value) throws XMLStreamException {
        w.writeStartElement(COM, "values");
        w.writeStartElement(COM, "value");
        w.writeAttribute("lang", "de");
        w.writeCharacters(value == null ? "" : value);
        w.writeEndElement();
        w.writeEndElement();
    }

    static void text(XMLStreamWriter w, String ns, String name, String value) throws XMLStreamException {
        w.writeStartElement(ns, name);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
