package de.parkleit.feeds;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.io.InputStream;

/** Jackson streaming helpers shared by the JSON feed parsers. */
public final class Json {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1_000_000).build())
            .build();

    private Json() {
    }

    public static JsonParser parser(InputStream in) throws IOException {
        return FACTORY.createParser(in);
    }

    /** Reads the current scalar as text (numbers as written), null for JSON null; skips arrays/objects (returns null). */
    public static String scalar(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        return p.getText();
    }

    /** The one mapping of a JSON read failure to a reject: {@code too_large} past the cap, else {@code malformed}. */
    public static FeedFormatException failure(IOException e, String what) {
        if (e instanceof CappedInputStream.PayloadTooLargeException) {
            return new FeedFormatException(Reasons.TOO_LARGE, e.getMessage(), e);
        }
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            return new FeedFormatException(Reasons.MALFORMED, "malformed " + what + " JSON: " + j.getOriginalMessage(), e);
        }
        return new FeedFormatException(Reasons.MALFORMED, "reading " + what + " payload failed: " + e.getMessage(), e);
    }

    public static Integer integer(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        java.math.BigDecimal d = new java.math.BigDecimal(s.trim());
        return d.intValueExact();
    }

    public static Double dbl(String s) {
        return s == null || s.isBlank() ? null : Double.valueOf(s.trim());
    }
}
