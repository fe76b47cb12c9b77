package de.parkleit.signbridge;

import de.parkleit.core.sign.SignAck;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * What every sign of the bridge shows, whatever its driver, written as a DATEX II v3.6
 * {@code VmsPublication} ({@code d2:payload} of {@code xsi:type="vms:VmsPublication"}, valid against
 * {@code DATEXII_3_D2Payload.xsd}): one {@code vmsControllerStatus} per sign, referencing the
 * controller by the sign id in the table {@code parkleit-signs}. The bridge registers each sign at
 * start and hands every acknowledgement in ({@link #ack}); the {@code datex2-vms} driver, whose sign
 * is this publication, puts its lines itself ({@link #put}).
 *
 * <ul>
 *   <li>a sign with a known display has one VMS whose {@code workingStatus} is {@code working}
 *       ({@code blank} for a blank sign) and whose message is a {@code TextDisplay} with one
 *       {@code textLine} per displayed line (text and arrow glyph), set by the system when the
 *       controller reported it;</li>
 *   <li>a fault of the last show is a {@code vmsFault} ({@code incorrectMessageDisplayed} for a
 *       wrong echo, else {@code other}) with the fault text as description; when the controller did
 *       not answer, nobody knows what it displays, so the VMS then has no message and no working
 *       status;</li>
 *   <li>a sign not acknowledged yet is listed with its controller reference only.</li>
 * </ul>
 * Thread-safe; sorted by sign id.
 */
public final class VmsBoard {

    static final String D2 = "http://datex2.eu/schema/3/d2Payload";
    static final String COM = "http://datex2.eu/schema/3/common";
    static final String VMS = "http://datex2.eu/schema/3/vms";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    /**
     * One sign's last report.
     *
     * @param lines what it displays (empty: blank), null when unknown
     * @param at    when that was reported (null with {@code lines})
     * @param fault the fault of the last show, null when fine
     * @param faultAt when the fault was reported
     */
    private record Shown(List<String> lines, Instant at, String fault, Instant faultAt) {
        static final Shown UNKNOWN = new Shown(null, null, null, null);
    }

    private final Map<String, Shown> bySign = new ConcurrentSkipListMap<>();
    private final String country;
    private final String publisher;

    /** @param country two-letter country code of the publisher; @param publisher its national identifier */
    public VmsBoard(String country, String publisher) {
        if (country == null || !country.matches("[a-z]{2}|[A-Z]{2}")) {
            throw new IllegalArgumentException("country must be a two-letter code, got " + country);
        }
        this.country = country.toLowerCase(java.util.Locale.ROOT);
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /** A sign of the bridge, listed (without display) until its first report. */
    public void register(String signId) {
        bySign.putIfAbsent(signId, Shown.UNKNOWN);
    }

    /** The sign displays {@code lines} since {@code at} (the datex2-vms driver, whose sign is this publication). */
    public void put(String signId, List<String> lines, Instant at) {
        bySign.put(signId, new Shown(List.copyOf(lines), Objects.requireNonNull(at, "at"), null, null));
    }

    /** The bridge's acknowledgement of a show on any sign: what its controller reports, and the fault if any. */
    public void ack(SignAck a) {
        Shown s = a.displayed() == null
                ? new Shown(null, null, a.fault(), a.at())
                : new Shown(a.displayed(), a.displayedAt(), a.fault(), a.fault() == null ? null : a.at());
        bySign.put(a.signId(), s);
    }

    public void remove(String signId) {
        bySign.remove(signId);
    }

    /** Whether there is a sign to publish. */
    public boolean isEmpty() {
        return bySign.isEmpty();
    }

    /** How many signs the publication lists. */
    public int size() {
        return bySign.size();
    }

    /** The publication at {@code now}, as UTF-8 XML. */
    public String write(Instant now) {
        if (bySign.isEmpty()) {
            throw new IllegalStateException("a VmsPublication needs at least one sign");
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("d2", "payload", D2);
            w.writeNamespace("d2", D2);
            w.writeNamespace("com", COM);
            w.writeNamespace("vms", VMS);
            w.writeNamespace("xsi", XSI);
            w.writeAttribute("xsi", XSI, "type", "vms:VmsPublication");
            w.writeAttribute("lang", "de");
            w.writeAttribute("modelBaseVersion", "3");
            text(w, COM, "publicationTime", now.toString());
            w.writeStartElement("com", "publicationCreator", COM);
            text(w, COM, "country", country);
            text(w, COM, "nationalIdentifier", publisher);
            w.writeEndElement();
            w.writeStartElement("vms", "headerInformation", VMS);
            text(w, COM, "confidentiality", "noRestriction");
            text(w, COM, "informationStatus", "real");
            w.writeEndElement();
            for (Map.Entry<String, Shown> e : bySign.entrySet()) {
                controller(w, e.getKey(), e.getValue());
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the VmsPublication: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void controller(XMLStreamWriter w, String signId, Shown s) throws XMLStreamException {
        w.writeStartElement("vms", "vmsControllerStatus", VMS);
        w.writeEmptyElement("vms", "vmsControllerTableReference", VMS);
        w.writeAttribute("targetClass", "vms:VmsControllerTable");
        w.writeAttribute("id", "parkleit-signs");
        w.writeAttribute("version", "1");
        w.writeEmptyElement("vms", "vmsControllerReference", VMS);
        w.writeAttribute("targetClass", "vms:VmsController");
        w.writeAttribute("id", signId);
        w.writeAttribute("version", "1");
        Instant updated = s.faultAt() != null ? s.faultAt() : s.at();
        if (updated == null) {
            w.writeEndElement();
            return;
        }
        text(w, VMS, "statusUpdateTime", updated.toString());
        w.writeStartElement("vms", "vmsStatus", VMS);
        w.writeAttribute("vmsIndex", "1");
        w.writeStartElement("vms", "vmsStatus", VMS);
        text(w, VMS, "statusUpdateTime", updated.toString());
        if (s.lines() != null) {
            text(w, VMS, "workingStatus", s.lines().isEmpty() ? "blank" : "working");
            message(w, s);
        }
        if (s.fault() != null) {
            fault(w, s);
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void message(XMLStreamWriter w, Shown s) throws XMLStreamException {
        w.writeStartElement("vms", "vmsMessage", VMS);
        w.writeAttribute("messageIndex", "1");
        w.writeStartElement("vms", "vmsMessage", VMS);
        text(w, VMS, "setBySystem", "true");
        text(w, VMS, "timeLastSet", s.at().toString());
        w.writeStartElement("vms", "displayAreaSettings", VMS);
        w.writeAttribute("displayAreaIndex", "1");
        w.writeStartElement("vms", "displayAreaSettings", VMS);
        w.writeAttribute("xsi", XSI, "type", "vms:TextDisplay");
        text(w, VMS, "isBlank", Boolean.toString(s.lines().isEmpty()));
        for (int i = 0; i < s.lines().size(); i++) {
            w.writeStartElement("vms", "textLine", VMS);
            w.writeAttribute("lineIndex", Integer.toString(i + 1));
            w.writeStartElement("vms", "textLine", VMS);
            text(w, VMS, "textLine", s.lines().get(i));
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void fault(XMLStreamWriter w, Shown s) throws XMLStreamException {
        w.writeStartElement("vms", "vmsFault", VMS);
        w.writeStartElement("com", "faultDescription", COM);
        w.writeStartElement("com", "values", COM);
        w.writeStartElement("com", "value", COM);
        w.writeAttribute("lang", "en");
        w.writeCharacters(s.fault());
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        text(w, COM, "faultLastUpdateTime", s.faultAt().toString());
        text(w, VMS, "vmsFault", s.fault().startsWith("wrong_echo") ? "incorrectMessageDisplayed" : "other");
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String ns, String name, String value) throws XMLStreamException {
        w.writeStartElement(ns.equals(COM) ? "com" : "vms", name, ns);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
