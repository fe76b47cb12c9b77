package de.parkleit.dashboard.opendata.datex2;

import java.time.Instant;

/**
 * The frame of a DATEX II v3.6 document: {@code d2:payload} typed as the publication, with publication time and
 * creator ({@code com}), then the publication's own elements; namespaces {@code d2}, {@code com}, {@code fac},
 * {@code loc}, {@code prk}.
 */
final class Datex36 {

    static final String D2 = "http://datex2.eu/schema/3/d2Payload";
    static final String COM = "http://datex2.eu/schema/3/common";
    static final String FAC = "http://datex2.eu/schema/3/facilities";
    static final String LOC = "http://datex2.eu/schema/3/locationReferencing";
    static final String PRK = "http://datex2.eu/schema/3/parking";

    private Datex36() {
    }

    /** Writes the payload's start, publication time and creator; the caller writes the rest and {@link #close}s. */
    static XmlOut open(Publisher p, Instant now, String publicationType, int expectedChars) {
        XmlOut x = new XmlOut(expectedChars);
        x.comment(p.licenceComment());
        x.root("d2", "payload", D2, "com", COM, "fac", FAC, "loc", LOC, "prk", PRK);
        x.xsiType(publicationType);
        x.attr("lang", Publisher.LANG);
        x.attr("modelBaseVersion", "3");
        x.text("com", "publicationTime", COM, now.toString());
        x.start("com", "publicationCreator", COM);
        x.text("com", "country", COM, Publisher.COUNTRY.toUpperCase(java.util.Locale.ROOT));
        x.text("com", "nationalIdentifier", COM, p.creator());
        x.end();
        return x;
    }

    static String close(XmlOut x) {
        x.end();
        return x.finish();
    }

    /** {@code prk:headerInformation} of an unrestricted, real publication. */
    static void header(XmlOut x) {
        x.start("prk", "headerInformation", PRK);
        x.text("com", "confidentiality", COM, "noRestriction");
        x.text("com", "informationStatus", COM, "real");
        x.end();
    }

    /** {@code <prefix:element><com:values><com:value lang="de">text</com:value></com:values></prefix:element>}. */
    static void multilingual(XmlOut x, String prefix, String ns, String element, String text) {
        x.start(prefix, element, ns);
        x.start("com", "values", COM);
        x.start("com", "value", COM);
        x.attr("lang", Publisher.LANG);
        x.chars(Publisher.shorten(text));
        x.end();
        x.end();
        x.end();
    }

    /** {@code fac:reference} (status) to a facility of the table. */
    static void reference(XmlOut x, String id, String version) {
        x.empty("fac", "reference", FAC);
        x.attr("targetClass", "fac:FacilityObject");
        x.attr("id", id);
        x.attr("version", version);
    }
}
