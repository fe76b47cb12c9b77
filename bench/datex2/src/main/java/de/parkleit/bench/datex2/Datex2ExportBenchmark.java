package de.parkleit.bench.datex2;

import de.parkleit.dashboard.opendata.datex2.Datex2Exports;
import de.parkleit.dashboard.opendata.datex2.Datex2Fixture;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Each DATEX II document of a generated 5,000-facility city ({@code Datex2Fixture.city}: mixed types, opening hours,
 * a twentieth without data, closed or stale; the v3.6 status with three forecast records per facility with counts,
 * from a constant outlook), built as the HTTP route builds it ({@code export}), against {@code floor}: a bare
 * {@link XMLStreamWriter} writing as many elements, attributes and text characters into a string (no board, no
 * domain logic, no escaping checks of ours).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class Datex2ExportBenchmark {

    static final Instant NOW = Datex2Fixture.NOW;
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    @Param({"5000"})
    public int facilities;

    @Param({"table23", "status23", "table36", "status36"})
    public String document;

    private Function<Instant, String> build;
    private int chars;
    private int elements;
    private int attributes;
    private int texts;
    private int attrsPerElement;
    private String name;
    private String text;
    private String attrValue;
    private static final String NS = "urn:floor";

    /** One recorded StAX event: start (name, attributes), text, or end. */
    private record Event(int type, String prefix, String local, String ns, String[] attributes, String text) {
    }

    @Setup
    public void setUp() throws XMLStreamException {
        Datex2Exports exports = Datex2Fixture.exports(Datex2Fixture.city(facilities, 42), Datex2Fixture.outlook(0.8));
        build = switch (document) {
            case "table23" -> exports::table23;
            case "status23" -> exports::status23;
            case "table36" -> exports::table36;
            case "status36" -> exports::status36;
            default -> throw new IllegalArgumentException(document);
        };
        String xml = build.apply(NOW);
        chars = xml.length();
        List<Event> events = record(xml);
        long nameChars = 0;
        long textChars = 0;
        long attrChars = 0;
        for (Event e : events) {
            if (e.type == XMLStreamConstants.START_ELEMENT) {
                elements++;
                nameChars += e.local.length();
                attributes += e.attributes.length / 2;
                for (int i = 1; i < e.attributes.length; i += 2) {
                    attrChars += e.attributes[i].length();
                }
            } else if (e.type == XMLStreamConstants.CHARACTERS) {
                texts++;
                textChars += e.text.length();
            }
        }
        name = "e".repeat((int) Math.max(1, nameChars / elements));
        text = "t".repeat((int) Math.max(1, textChars / Math.max(1, texts)));
        attrValue = "v".repeat((int) Math.max(1, attrChars / Math.max(1, attributes)));
        attrsPerElement = (attributes + elements - 1) / elements;
        System.out.printf("%n%s: %,d characters, %,d elements, %,d attributes, %,d texts%n", document, chars, elements,
                attributes, texts);
    }

    @Benchmark
    public String export() {
        return build.apply(NOW);
    }

    /**
     * The floor: as many elements, attributes and characters of text as the document has (counted once from it),
     * written flat under one root by a bare writer with a constant name and text of the document's average lengths.
     */
    @Benchmark
    public String floor() throws XMLStreamException {
        StringWriter out = new StringWriter(chars);
        XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out);
        w.writeStartDocument("UTF-8", "1.0");
        w.writeStartElement("p", "root", NS);
        w.writeNamespace("p", NS);
        int attrsLeft = attributes;
        for (int i = 1; i < elements; i++) {
            w.writeStartElement("p", name, NS);
            for (int a = 0; a < attrsPerElement && attrsLeft > 0; a++, attrsLeft--) {
                w.writeAttribute("a", attrValue);
            }
            if (i < texts) {
                w.writeCharacters(text);
            }
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndDocument();
        w.close();
        return out.toString();
    }

    private static List<Event> record(String xml) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XMLStreamReader r = f.createXMLStreamReader(new StringReader(xml));
        List<Event> out = new ArrayList<>();
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String[] attrs = new String[2 * (r.getAttributeCount() + r.getNamespaceCount())];
                int k = 0;
                for (int i = 0; i < r.getNamespaceCount(); i++) {
                    String p = r.getNamespacePrefix(i);
                    attrs[k++] = p == null ? "xmlns" : "xmlns:" + p;
                    attrs[k++] = r.getNamespaceURI(i);
                }
                for (int i = 0; i < r.getAttributeCount(); i++) {
                    String p = r.getAttributePrefix(i);
                    attrs[k++] = p == null || p.isEmpty() ? r.getAttributeLocalName(i) : p + ":" + r.getAttributeLocalName(i);
                    attrs[k++] = r.getAttributeValue(i);
                }
                out.add(new Event(ev, r.getPrefix() == null ? "" : r.getPrefix(), r.getLocalName(),
                        r.getNamespaceURI() == null ? "" : r.getNamespaceURI(), attrs, null));
            } else if (ev == XMLStreamConstants.CHARACTERS) {
                out.add(new Event(ev, null, null, null, null, r.getText()));
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                out.add(new Event(ev, null, null, null, null, null));
            }
        }
        return out;
    }
}
