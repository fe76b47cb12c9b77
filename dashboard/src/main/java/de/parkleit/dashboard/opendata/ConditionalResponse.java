package de.parkleit.dashboard.opendata;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * HTTP validators and conditional GET for the open-data documents (RFC 9110 §8.8, §13): a weak
 * {@code ETag} from the SHA-256 of the body (weak, because the server may gzip the same document),
 * {@code Last-Modified}, and {@code 304 Not Modified} when {@code If-None-Match} matches, or, only
 * when that header is absent, when the document has not changed since {@code If-Modified-Since}.
 */
public final class ConditionalResponse {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private ConditionalResponse() {
    }

    /** {@code W/"<first 128 bits of the SHA-256 of the body, hex>"}. */
    public static String etag(Buffer body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body.getBytes());
            return "W/\"" + HexFormat.of().formatHex(d, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    static String httpDate(Instant t) {
        return HTTP_DATE.format(ZonedDateTime.ofInstant(t, ZoneOffset.UTC));
    }

    /** Sets the validators on {@code res} and tells whether the client's copy is current (answer 304). */
    static boolean notModified(HttpServerRequest req, HttpServerResponse res, String etag, Instant lastModified) {
        Instant modified = lastModified.truncatedTo(ChronoUnit.SECONDS);
        res.putHeader("ETag", etag).putHeader("Last-Modified", httpDate(modified));
        String inm = req.getHeader("If-None-Match");
        if (inm != null) {
            return matches(inm, etag);
        }
        String ims = req.getHeader("If-Modified-Since");
        if (ims == null) {
            return false;
        }
        try {
            return !modified.isAfter(ZonedDateTime.parse(ims.strip(), HTTP_DATE).toInstant());
        } catch (DateTimeParseException e) {
            return false; // an invalid date is ignored (RFC 9110 §13.1.3)
        }
    }

    /** Weak comparison of an {@code If-None-Match} list against our tag; {@code *} matches any. */
    static boolean matches(String ifNoneMatch, String etag) {
        String ours = opaque(etag);
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || opaque(t).equals(ours)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
