package de.parkleit.ingest.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * One JSON object of a payload, read strictly: size limit first, then UTF-8, then JSON without
 * duplicate keys; typed field access rejects wrong types instead of coercing them.
 */
public final class JsonPayload {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonNode node;
    private final String what;

    private JsonPayload(JsonNode node, String what) {
        this.node = node;
        this.what = what;
    }

    /** Parses a payload of at most {@code maxBytes} bytes that must be a JSON object. */
    public static JsonPayload parseObject(byte[] payload, int maxBytes) {
        JsonNode n = parse(payload, maxBytes);
        if (!n.isObject()) {
            throw new RejectedException(RejectReason.MALFORMED_JSON, "payload must be a JSON object");
        }
        return new JsonPayload(n, "payload");
    }

    /** Parses a payload of at most {@code maxBytes} bytes into any JSON value. */
    public static JsonNode parse(byte[] payload, int maxBytes) {
        if (payload == null || payload.length == 0) {
            throw new RejectedException(RejectReason.MALFORMED_JSON, "empty payload");
        }
        if (payload.length > maxBytes) {
            throw new RejectedException(RejectReason.TOO_LARGE, "payload has " + payload.length + " bytes, limit " + maxBytes);
        }
        String text = utf8(payload);
        try {
            JsonNode n = MAPPER.readTree(text);
            if (n == null || n.isMissingNode()) {
                throw new RejectedException(RejectReason.MALFORMED_JSON, "empty payload");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new RejectedException(RejectReason.MALFORMED_JSON, "not JSON: " + e.getOriginalMessage());
        }
    }

    private static String utf8(byte[] payload) {
        try {
            CharBuffer cb = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload));
            return cb.toString();
        } catch (CharacterCodingException e) {
            throw new RejectedException(RejectReason.INVALID_UTF8, "payload is not valid UTF-8");
        }
    }

    /** Wraps an already parsed object node (nested objects of uplinks). */
    public static JsonPayload of(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new RejectedException(RejectReason.WRONG_TYPE, what + " must be a JSON object");
        }
        return new JsonPayload(node, what);
    }

    public JsonNode node() {
        return node;
    }

    public boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    public JsonNode get(String field) {
        return node.get(field);
    }

    public int requiredInt(String field) {
        return toInt(field, required(field));
    }

    /** The integer, or null when absent or JSON null. */
    public Integer optionalInt(String field) {
        return has(field) ? toInt(field, node.get(field)) : null;
    }

    public long requiredLong(String field) {
        JsonNode v = required(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw wrongType(field, "an integer");
        }
        return v.longValue();
    }

    public double requiredDouble(String field) {
        return toDouble(field, required(field));
    }

    /** The number, or null when absent or JSON null. */
    public Double optionalDouble(String field) {
        return has(field) ? toDouble(field, node.get(field)) : null;
    }

    public boolean requiredBoolean(String field) {
        JsonNode v = required(field);
        if (!v.isBoolean()) {
            throw wrongType(field, "true or false");
        }
        return v.booleanValue();
    }

    public String requiredString(String field) {
        JsonNode v = required(field);
        if (!v.isTextual()) {
            throw wrongType(field, "a string");
        }
        return v.textValue();
    }

    /** The string, or null when absent or JSON null. */
    public String optionalString(String field) {
        if (!has(field)) {
            return null;
        }
        JsonNode v = node.get(field);
        if (!v.isTextual()) {
            throw wrongType(field, "a string");
        }
        return v.textValue();
    }

    /** An ISO-8601 timestamp with zone ({@code 2026-11-26T12:00:00Z}, {@code ...+01:00}). */
    public Instant requiredTimestamp(String field) {
        return parseTimestamp(what + "." + field, requiredString(field));
    }

    public static Instant parseTimestamp(String field, String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new RejectedException(RejectReason.BAD_TIMESTAMP, field + " must be ISO-8601 with zone, like 2026-11-26T12:00:00Z");
        }
    }

    private JsonNode required(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new RejectedException(RejectReason.MISSING_FIELD, what + " has no \"" + field + "\"");
        }
        return v;
    }

    private int toInt(String field, JsonNode v) {
        if (!v.isIntegralNumber()) {
            throw wrongType(field, "an integer");
        }
        if (!v.canConvertToInt()) {
            throw new RejectedException(RejectReason.OUT_OF_RANGE, what + "." + field + " is out of range");
        }
        return v.intValue();
    }

    private double toDouble(String field, JsonNode v) {
        if (!v.isNumber()) {
            throw wrongType(field, "a number");
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw new RejectedException(RejectReason.OUT_OF_RANGE, what + "." + field + " is not finite");
        }
        return d;
    }

    private RejectedException wrongType(String field, String expected) {
        return new RejectedException(RejectReason.WRONG_TYPE, what + "." + field + " must be " + expected);
    }
}
