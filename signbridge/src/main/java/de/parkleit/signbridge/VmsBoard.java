package de.parkleit.signbridge;

import de.parkleit.core.sign.SignFrame;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * What every {@code datex2-vms} sign shows, written as a DATEX II v3.6 {@code VmsPublication}
 * ({@code d2:payload} of {@code xsi:type="vms:VmsPublication"}, valid against
 * {@code DATEXII_3_D2Payload.xsd}): one {@code vmsControllerStatus} per sign, referencing the
 * controller by the sign id in the table {@code parkleit-signs}, with one VMS whose
 * {@code workingStatus} is {@code working} (or {@code blank} for a blank sign) and whose message
 * is a {@code TextDisplay} with one {@code textLine} per sign line (text and arrow glyph), set by
 * the system at the time it was shown. Thread-safe; sorted by sign id.
 */
public final class VmsBoard {

    static final String D2 = "http://datex2.eu/schema/3/d2Payload";
    static final String COM = "http://datex2.eu/schema/3/common";
    static final String VMS = "http://datex2.eu/schema/3/vms";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private record Shown(SignFrame frame, Instant at) {
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
        this.publisher = publisher;
    }

    public void put(SignFrame frame, Instant at) {
        bySign.put(frame.signId(), new Shown(frame, at));
    }

    public void remove(String signId) {
        bySign.remove(signId);
    }

    /** The publication at {@code now}, as UTF-8 XML. */
    public String write(Instant now) {
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
            if (bySign.isEmpty()) {
                throw new IllegalStateException("a VmsPublication needs at least one sign");
            }
            for (Shown s : bySign.values()) {
                controller(w, s);
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the VmsPublication: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** Whether there is a sign to publish. */
    public boolean isEmpty() {
        return bySign.isEmpty();
    }

    private static void controller(XMLStreamWriter w, Shown s) throws XMLStreamException {
        SignFrame f = s.frame();
        w.writeStartElement("vms", "vmsControllerStatus", VMS);
        w.writeEmptyElement("vms", "vmsControllerTableReference", VMS);
        w.writeAttribute("targetClass", "vms:VmsControllerTable");
        w.writeAttribute("id", "parkleit-signs");
        w.writeAttribute("version", "1");
        w.writeEmptyElement("vms", "vmsControllerReference", VMS);
        w.writeAttribute("targetClass", "vms:VmsController");
        w.writeAttribute("id", f.signId());
        w.writeAttribute("version", "1");
        text(w, VMS, "statusUpdateTime", s.at().toString());
        w.writeStartElement("vms", "vmsStatus", VMS);
        w.writeAttribute("vmsIndex", "1");
        w.writeStartElement("vms", "vmsStatus", VMS);
        text(w, VMS, "statusUpdateTime", s.at().toString());
        text(w, VMS, "workingStatus", f.lines().isEmpty() ? "blank" : "working");
        w.writeStartElement("vms", "vmsMessage", VMS);
        w.writeAttribute("messageIndex", "1");
        w.writeStartElement("vms", "vmsMessage", VMS);
        text(w, VMS, "setBySystem", "true");
        text(w, VMS, "timeLastSet", s.at().toString());
        w.writeStartElement("vms", "displayAreaSettings", VMS);
        w.writeAttribute("displayAreaIndex", "1");
        w.writeStartElement("vms", "displayAreaSettings", VMS);
        w.writeAttribute("xsi", XSI, "type", "vms:TextDisplay");
        text(w, VMS, "isBlank", Boolean.toString(f.lines().isEmpty()));
        List<String> lines = de.parkleit.core.sign.SignAck.linesOf(f);
        for (int i = 0; i < lines.size(); i++) {
            w.writeStartElement("vms", "textLine", VMS);
            w.writeAttribute("lineIndex", Integer.toString(i + 1));
            w.writeStartElement("vms", "textLine", VMS);
            text(w, VMS, "textLine", lines.get(i));
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String ns, String name, String value) throws XMLStreamException {
        w.writeStartElement(ns.equals(COM) ? "com" : "vms", name, ns);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
