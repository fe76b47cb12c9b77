package de.parkleit.dashboard.opendata.datex2;

import java.time.Instant;

/**
 * The frame of a DATEX II v2.3 document: {@code d2LogicalModel} (default namespace) with {@code exchange} and a
 * {@code GenericPublication} whose {@code genericPublicationExtension} holds the parking publication, as the
 * German feeds (e.g. Aachen's on the national access point) have it.
 */
final class Datex23 {

    static final String NS = "http://datex2.eu/schema/2/2_0";

    private Datex23() {
    }

    /** Writes up to the opened {@code genericPublicationExtension}; the caller writes the publication and {@link #close}s. */
    static XmlOut open(Publisher p, Instant now, String publicationName, int expectedChars) {
        XmlOut x = new XmlOut(expectedChars);
        x.comment(p.licenceComment());
        x.root("", "d2LogicalModel", NS);
        x.attr("modelBaseVersion", "2");
        x.start("", "exchange", NS);
        identifier(x, "supplierIdentification", p);
        x.end();
        x.start("", "payloadPublication", NS, "GenericPublication");
        x.attr("lang", Publisher.LANG);
        x.text("", "publicationTime", NS, now.toString());
        identifier(x, "publicationCreator", p);
        x.text("", "genericPublicationName", NS, publicationName);
        x.start("", "genericPublicationExtension", NS);
        return x;
    }

    static String close(XmlOut x) {
        x.end(); // genericPublicationExtension
        x.end(); // payloadPublication
        x.end(); // d2LogicalModel
        return x.finish();
    }

    private static void identifier(XmlOut x, String element, Publisher p) {
        x.start("", element, NS);
        x.text("", "country", NS, Publisher.COUNTRY);
        x.text("", "nationalIdentifier", NS, p.creator());
        x.end();
    }

    static void header(XmlOut x) {
        x.start("", "headerInformation", NS);
        x.text("", "confidentiality", NS, "noRestriction");
        x.text("", "informationStatus", NS, "real");
        x.end();
    }

    /** {@code <element><values><value lang="de">text</value></values></element>}. */
    static void multilingual(XmlOut x, String element, String text) {
        x.start("", element, NS);
        x.start("", "values", NS);
        x.start("", "value", NS);
        x.attr("lang", Publisher.LANG);
        x.chars(Publisher.shorten(text));
        x.end();
        x.end();
        x.end();
    }

    /** {@code ParkingThresholds} in percent of occupancy ({@link PublishedThresholds}). */
    static void thresholds(XmlOut x, String element) {
        x.start("", element, NS);
        x.text("", "almostFullDecreasing", NS, PublishedThresholds.ALMOST_FULL_PERCENT);
        x.text("", "almostFullIncreasing", NS, PublishedThresholds.ALMOST_FULL_PERCENT);
        x.text("", "fullDecreasing", NS, PublishedThresholds.FULL_PERCENT);
        x.text("", "fullIncreasing", NS, PublishedThresholds.FULL_PERCENT);
        x.end();
    }
}
