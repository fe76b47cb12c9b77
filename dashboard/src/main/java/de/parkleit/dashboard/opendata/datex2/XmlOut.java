package de.parkleit.dashboard.opendata.datex2;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A StAX {@link XMLStreamWriter} writing into a string, with the few moves the DATEX II builders make; the writer
 * escapes every text and attribute. Characters XML 1.0 does not allow (control characters) become U+FFFD, so a
 * strange facility name cannot break the document. Not thread-safe: one per document.
 */
final class XmlOut {

    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final StringWriter buffer;
    private final XMLStreamWriter w;

    XmlOut(int expectedChars) {
        buffer = new StringWriter(expectedChars);
        try {
            w = FACTORY.createXMLStreamWriter(buffer);
            w.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** Starts the root element and declares the given prefixes ({@code prefix, uri, prefix, uri, …}) and xsi. */
    void root(String prefix, String local, String ns, String... bindings) {
        try {
            w.writeStartElement(prefix, local, ns);
            if (prefix.isEmpty()) {
                w.writeDefaultNamespace(ns);
            } else {
                w.writeNamespace(prefix, ns);
            }
            for (int i = 0; i < bindings.length; i += 2) {
                w.writeNamespace(bindings[i], bindings[i + 1]);
            }
            w.writeNamespace("xsi", XSI);
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    void comment(String text) {
        try {
            w.writeComment(" " + clean(text).replace("--", "- -") + " ");
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    void start(String prefix, String local, String ns) {
        try {
            w.writeStartElement(prefix, local, ns);
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** Starts an element with an {@code xsi:type}. */
    void start(String prefix, String local, String ns, String xsiType) {
        start(prefix, local, ns);
        xsiType(xsiType);
    }

    /** {@code xsi:type} on the element just started. */
    void xsiType(String qname) {
        attr(XSI, "xsi", "type", qname);
    }

    void empty(String prefix, String local, String ns) {
        try {
            w.writeEmptyElement(prefix, local, ns);
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    void attr(String local, String value) {
        try {
            w.writeAttribute(local, clean(value));
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    private void attr(String ns, String prefix, String local, String value) {
        try {
            w.writeAttribute(prefix, ns, local, value);
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    void end() {
        try {
            w.writeEndElement();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    void chars(String value) {
        try {
            w.writeCharacters(clean(value));
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** {@code <local>value</local>}. */
    void text(String prefix, String local, String ns, String value) {
        try {
            w.writeStartElement(prefix, local, ns);
            w.writeCharacters(clean(value));
            w.writeEndElement();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    void text(String prefix, String local, String ns, long value) {
        text(prefix, local, ns, Long.toString(value));
    }

    /** The document; the writer is closed. */
    String finish() {
        try {
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
        return buffer.toString();
    }

    /** {@code value} with every character XML 1.0 forbids replaced by U+FFFD (no copy when there is none). */
    static String clean(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!allowed(value.charAt(i))) {
                StringBuilder b = new StringBuilder(value.length());
                for (int j = 0; j < value.length(); j++) {
                    char c = value.charAt(j);
                    b.append(allowed(c) ? c : '\uFFFD');
                }
                return b.toString();
            }
        }
        return value;
    }

    private static boolean allowed(char c) {
        return c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
    }

    private static IllegalStateException failed(XMLStreamException e) {
        return new IllegalStateException("cannot write DATEX II XML: " + e.getMessage(), e);
    }
}
