package de.parkleit.signbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.core.sign.SignAck;
import de.parkleit.core.sign.SignFrame;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
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
        Element root = parse(xml);
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
        VmsXsd.validate(xml);
    }

    @Test
    void aPublicationOfManySignsIsValidAndTheValidatorCanFail() throws Exception {
        VmsBoard b = new VmsBoard("DE", "parkleit-heidelberg");
        Instant t = Instant.parse("2026-11-26T12:00:00Z");
        for (int i = 0; i < 20; i++) {
            b.put("s" + i, SignAck.linesOf(i % 3 == 0 ? Frames.blank("s" + i, t) : Frames.frame("s" + i, i, t, 120)), t.plusMillis(i));
        }
        String xml = b.write(t.plusSeconds(1));
        validate(xml);
        assertThat(xml).contains("xsi:type=\"vms:VmsPublication\"").contains("<vms:textLine>P1 Poststraße 1 ←</vms:textLine>");
        assertThatThrownBy(() -> validate(xml.replace("<vms:workingStatus>working", "<vms:workingStatus>fine")))
                .isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> validate(xml.replace("<com:publicationTime>", "<com:publicationTime>x")))
                .isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> new VmsBoard("DEU", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VmsBoard("de", "x").write(t)).isInstanceOf(IllegalStateException.class);
    }

    /** Every sign of the bridge, whatever its driver: not yet acknowledged, fine, unreachable, wrongly echoed. */
    @Test
    void everySignIsPublishedFromItsAckWithItsFault() throws Exception {
        VmsBoard b = new VmsBoard("de", "parkleit");
        Instant t = Instant.parse("2026-11-26T12:00:00Z");
        for (String s : List.of("a-new", "b-ok", "c-down", "d-echo")) {
            b.register(s);
        }
        SignFrame f = Frames.frame("b-ok", 12, t, 120);
        b.ack(new SignAck("b-ok", "http-json", t.plusSeconds(1), f.ts(), null, SignAck.linesOf(f), t.plusSeconds(1), null));
        b.ack(new SignAck("c-down", "http-json", t.plusSeconds(2), f.ts(), null, null, null, "unreachable: cannot reach http://x"));
        b.ack(new SignAck("d-echo", "http-json", t.plusSeconds(3), f.ts(), null, List.of(), t.plusSeconds(3),
                "wrong_echo: sent 3 lines, controller shows []"));
        b.register("b-ok");
        String xml = b.write(t.plusSeconds(4));
        validate(xml);
        Element root = parse(xml);
        NodeList cs = root.getElementsByTagNameNS(VMS, "vmsControllerStatus");
        assertThat(cs.getLength()).isEqualTo(4);
        Element fresh = (Element) cs.item(0);
        assertThat(fresh.getElementsByTagNameNS(VMS, "vmsStatus").getLength()).as("not acknowledged: no status").isZero();
        Element ok = (Element) cs.item(1);
        assertThat(ok.getElementsByTagNameNS(VMS, "workingStatus").item(0).getTextContent()).isEqualTo("working");
        assertThat(ok.getElementsByTagNameNS(VMS, "vmsFault").getLength()).isZero();
        assertThat(ok.getTextContent()).contains("P1 Poststraße 12 ←");
        Element down = (Element) cs.item(2);
        assertThat(down.getElementsByTagNameNS(VMS, "workingStatus").getLength()).as("display unknown").isZero();
        assertThat(down.getElementsByTagNameNS(VMS, "vmsMessage").getLength()).isZero();
        assertThat(down.getTextContent()).contains("unreachable: cannot reach http://x").contains("other");
        Element echo = (Element) cs.item(3);
        assertThat(echo.getElementsByTagNameNS(VMS, "workingStatus").item(0).getTextContent()).isEqualTo("blank");
        assertThat(echo.getTextContent()).contains("incorrectMessageDisplayed");
        assertThat(b.size()).isEqualTo(4);
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }
}
