package de.parkleit.dashboard.opendata.datex2;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The official DATEX II XSDs from the test resources ({@code datex2/v2.3}, {@code datex2/v3.6}, see their README),
 * compiled with secure processing: no external DTD or schema is fetched, only the schemas' own imports are resolved,
 * from the same classpath folder. {@link #errors} validates a document (a DOCTYPE is refused) and lists every error.
 * Reused by the app's tests (test-jar).
 */
public final class Datex2Schemas {

    public static final Datex2Schemas V2_3 = new Datex2Schemas("datex2/v2.3/", "DATEXIISchema_2_2_3.xsd");
    public static final Datex2Schemas V3_6 = new Datex2Schemas("datex2/v3.6/", "DATEXII_3_D2Payload.xsd");

    private final Schema schema;

    private Datex2Schemas(String folder, String main) {
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setResourceResolver(new LocalImports(folder));
            schema = f.newSchema(new StreamSource(open(folder + main), folder + main));
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the DATEX II schema " + folder + main + ": " + e, e);
        }
    }

    /** Every validation error of {@code xml} (line, column, message); empty when valid. */
    public List<String> errors(String xml) {
        List<String> errors = new ArrayList<>();
        try {
            Validator v = schema.newValidator();
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            v.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    error(e);
                }
            });
            SAXParserFactory spf = SAXParserFactory.newInstance();
            spf.setNamespaceAware(true);
            spf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            spf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            XMLReader reader = spf.newSAXParser().getXMLReader();
            v.validate(new SAXSource(reader, new InputSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))));
        } catch (SAXParseException e) {
            if (errors.isEmpty()) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }
        } catch (Exception e) {
            errors.add(e.toString());
        }
        return errors;
    }

    private static InputStream open(String resource) {
        URL url = Datex2Schemas.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("no test resource " + resource);
        }
        try {
            return url.openStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resolves an import by its file name in the schema's own folder, nothing else. */
    private record LocalImports(String folder) implements LSResourceResolver {

        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            String name = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
            if (!name.matches("DATEXII?_[A-Za-z0-9_]+\\.xsd")) {
                throw new IllegalStateException("refusing to resolve " + systemId + " (only the schemas' local imports)");
            }
            return new Input(folder + name, publicId, open(folder + name));
        }
    }

    private record Input(String systemId, String publicId, InputStream byteStream) implements LSInput {
        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader r) { }
        @Override public InputStream getByteStream() { return byteStream; }
        @Override public void setByteStream(InputStream s) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String s) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String s) { }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String s) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String s) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String s) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean b) { }
    }
}
