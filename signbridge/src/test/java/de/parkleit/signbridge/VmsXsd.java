package de.parkleit.signbridge;

import java.io.StringReader;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

/**
 * Validates a publication against the official DATEX II v3.6 schemas (test resources
 * {@code datex2/v3.6}, copied with their attribution, see the README there) with
 * {@code javax.xml.validation}; external DTDs and schemas are never fetched.
 */
public final class VmsXsd {

    private static final Schema SCHEMA = load();

    private VmsXsd() {
    }

    private static Schema load() {
        try {
            SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            URL xsd = VmsXsd.class.getResource("/datex2/v3.6/DATEXII_3_D2Payload.xsd");
            return sf.newSchema(xsd);
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Throws a {@link org.xml.sax.SAXException} naming the first error. */
    public static void validate(String xml) throws Exception {
        Validator v = SCHEMA.newValidator();
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        v.validate(new StreamSource(new StringReader(xml)));
    }
}
