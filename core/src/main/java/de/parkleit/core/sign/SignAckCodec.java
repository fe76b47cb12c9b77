package de.parkleit.core.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.parkleit.core.Ids;
import de.parkleit.core.codec.JsonCodecException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one codec of a sign acknowledgement on {@code {root}/signs/{id}/ack} (retained):
 * <pre>{"sign":"hd-s01","driver":"http-json","at":"…","decidedTs":"…","safe":null,
 *  "displayed":["P1 Poststraße 123 ←"],"displayedAt":"…","fault":null}</pre>
 * Exactly one of {@code decidedTs} and {@code safe} is set; {@code displayed} and {@code displayedAt}
 * are both set or both null. {@link #decode} accepts exactly what {@link #encode} writes; anything
 * else is a {@link JsonCodecException}.
 */
public final class SignAckCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_TEXT = 80;
    /** A frame line's text (at most 80) plus a space and the arrow glyph. */
    private static final int MAX_LINE = 82;

    private SignAckCodec() {
    }

    public static byte[] encode(SignAck a) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("sign", a.signId());
        n.put("driver", a.driver());
        n.put("at", a.at().toString());
        putInstant(n, "decidedTs", a.decidedTs());
        if (a.safe() == null) {
            n.putNull("safe");
        } else {
            n.put("safe", a.safe());
        }
        if (a.displayed() == null) {
            n.putNull("displayed");
        } else {
            ArrayNode d = n.putArray("displayed");
            a.displayed().forEach(d::add);
        }
        putInstant(n, "displayedAt", a.displayedAt());
        if (a.fault() == null) {
            n.putNull("fault");
        } else {
            n.put("fault", a.fault());
        }
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param topicSignId the id in the topic; the ack's {@code sign} must equal it
     * @throws JsonCodecException with reason {@code malformed_json}, {@code wrong_type}, {@code missing_field} or {@code id_mismatch}
     */
    public static SignAck decode(String topicSignId, byte[] payload) {
        JsonNode n;
        try {
            n = MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new JsonCodecException("malformed_json", "sign ack is not JSON: " + e.getMessage());
        }
        if (n == null || !n.isObject()) {
            throw new JsonCodecException("malformed_json", "sign ack must be a JSON object");
        }
        String sign = text(n, "sign", MAX_TEXT);
        if (!Ids.isValid(sign)) {
            throw new JsonCodecException("wrong_type", "sign must be an id");
        }
        if (topicSignId != null && !topicSignId.equals(sign)) {
            throw new JsonCodecException("id_mismatch", "ack of sign " + sign + " published on the topic of " + topicSignId);
        }
        List<String> displayed = null;
        JsonNode d = present(n, "displayed");
        if (!d.isNull()) {
            if (!d.isArray()) {
                throw new JsonCodecException("wrong_type", "displayed must be an array of texts or null");
            }
            displayed = new ArrayList<>();
            for (JsonNode l : d) {
                if (!l.isTextual() || l.asText().length() > MAX_LINE || l.asText().chars().anyMatch(Character::isISOControl)) {
                    throw new JsonCodecException("wrong_type", "each displayed line is a text of at most " + MAX_LINE + " characters");
                }
                displayed.add(l.asText());
            }
        }
        try {
            return new SignAck(sign, text(n, "driver", MAX_TEXT), Instant.parse(text(n, "at", MAX_TEXT)), instantOrNull(n, "decidedTs"),
                    textOrNull(n, "safe", MAX_TEXT), displayed, instantOrNull(n, "displayedAt"), textOrNull(n, "fault", SignAck.MAX_FAULT));
        } catch (DateTimeParseException e) {
            throw new JsonCodecException("wrong_type", "at must be an ISO-8601 instant");
        } catch (IllegalArgumentException e) {
            throw new JsonCodecException("wrong_type", e.getMessage());
        }
    }

    private static void putInstant(ObjectNode n, String field, Instant t) {
        if (t == null) {
            n.putNull(field);
        } else {
            n.put(field, t.toString());
        }
    }

    private static JsonNode present(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null) {
            throw new JsonCodecException("missing_field", "sign ack needs the field " + field + " (null if none)");
        }
        return v;
    }

    private static String text(JsonNode n, String field, int max) {
        String s = textOrNull(n, field, max);
        if (s == null) {
            throw new JsonCodecException("missing_field", "sign ack needs a text field " + field);
        }
        return s;
    }

    private static String textOrNull(JsonNode n, String field, int max) {
        JsonNode v = present(n, field);
        if (v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().length() > max || v.asText().chars().anyMatch(Character::isISOControl)) {
            throw new JsonCodecException("wrong_type", field + " must be a text of at most " + max + " characters");
        }
        return v.asText();
    }

    private static Instant instantOrNull(JsonNode n, String field) {
        String s = textOrNull(n, field, MAX_TEXT);
        try {
            return s == null ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new JsonCodecException("wrong_type", field + " must be an ISO-8601 instant or null");
        }
    }
}
