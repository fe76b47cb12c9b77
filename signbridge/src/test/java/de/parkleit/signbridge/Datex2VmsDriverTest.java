package de.parkleit.signbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The datex2-vms driver passes the contract ("outside" is the textLines of its sign in the
 * publication), and every publication is valid against the official DATEX II v3.6 schemas
 * (test resources datex2/v3.6, see the README there), with external entities and DTDs refused.
 */
class Datex2VmsDriverTest extends SignDriverContract {

    private static final String VMS = "http://datex2.eu/schema/3/vms";
    private final VmsBoard board = new VmsBoard("de", "parkleit");

    @Override
    protected SignDriver newDriver() {
        return new Datex2VmsDriver(SIGN, board, Clock.systemUTC());
    }

    @Override
    protected List<String> displayedOutside() throws Exception {
        String xml = board.write(Instant.now());
        validate(xml);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        NodeList controllers = root.getElementsByTagNameNS(VMS, "vmsControllerStatus");
        assertThat(controllers.getLength()).isEqualTo(1);
        Element c = (Element) controllers.item(0);
        assertThat(((Element) c.getElementsByTagNameNS(VMS, "vmsControllerReference").item(0)).getAttribute("id")).isEqualTo(SIGN);
        List<String> lines = new ArrayList<>();
        NodeList all = c.getElementsByTagNameNS(VMS, "textLine");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getChildNodes().getLength() == 1 && e.getFirstChild().getNodeType() == org.w3c.dom.Node.TEXT_NODE) {
                lines.add(e.getTextContent());
            }
        }
        String working = c.getElementsByTagNameNS(VMS, "workingStatus").item(0).getTextContent();
        assertThat(working).isEqualTo(lines.isEmpty() ? "blank" : "working");
        return lines;
    }

    @Override
    protected String kind() {
        return "datex2-vms";
    }

    static void validate(String xml) throws Exception {
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        URL xsd = Datex2VmsDriverTest.class.getResource("/datex2/v3.6/DATEXII_3_D2Payload.xsd");
        Schema schema = sf.newSchema(xsd);
        Validator v = schema.newValidator();
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        v.validate(new StreamSource(new StringReader(xml)));
    }

    @Test
    void aPublicationOfManySignsIsValidAndTheValidatorCanFail() throws Exception {
        VmsBoard b = new VmsBoard("DE", "parkleit-heidelberg");
        Instant t = Instant.parse("2026-11-26T12:00:00Z");
        for (int i = 0; i < 20; i++) {
            b.put(i % 3 == 0 ? Frames.blank("s" + i, t) : Frames.frame("s" + i, i, t, 120), t.plusMillis(i));
        }
        String xml = b.write(t.plusSeconds(1));
        validate(xml);
        assertThat(xml).contains("xsi:type=\"vms:VmsPublication\"").contains("<vms:textLine>P1 Poststraße 1 ←</vms:textLine>");
        assertThatThrownBy(() -> validate(xml.replace("<vms:workingStatus>working", "<vms:workingStatus>fine")))
                .isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> new VmsBoard("DEU", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VmsBoard("de", "x").write(t)).isInstanceOf(IllegalStateException.class);
    }
}
