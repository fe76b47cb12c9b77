package de.parkleit.core.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.parkleit.core.guidance.Issued;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A recommendation on {@code {root}/guidance/issued} ({@link de.parkleit.core.topic.Topics#guidanceIssued()}) (QoS 1, not retained), so that every
 * guidance instance counts every other instance's recommendations against the facilities:
 * <pre>{"request":"node1-lq3x9a-17","facility":"…","issuedAt":"…","countsUntil":"…","probabilityFree":0.93,"instance":"node1"}</pre>
 * The one codec of that payload; {@link #decode} accepts what {@link #encode} writes (all six fields).
 */
public final class IssuedCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private IssuedCodec() {
    }

    public static byte[] encode(Issued i) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("request", i.requestId());
        n.put("facility", i.facilityId());
        n.put("issuedAt", i.issuedAt().toString());
        n.put("countsUntil", i.countsUntil().toString());
        n.put("probabilityFree", i.probabilityFree());
        n.put("instance", i.instanceId());
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @throws JsonCodecException (reason {@code malformed_json}, {@code missing_field} or {@code wrong_type}) if the payload is not a valid recommendation */
    public static Issued decode(byte[] payload) {
        JsonNode n;
        try {
            n = MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new JsonCodecException("malformed_json", "recommendation is not JSON: " + e.getMessage());
        }
        if (n == null || !n.isObject()) {
            throw new JsonCodecException("malformed_json", "recommendation must be a JSON object");
        }
        for (String f : new String[] {"request", "facility", "issuedAt", "countsUntil", "instance"}) {
            if (!n.path(f).isTextual()) {
                throw new JsonCodecException("missing_field", "recommendation needs a text field " + f);
            }
        }
        if (!n.path("probabilityFree").isNumber()) {
            throw new JsonCodecException("missing_field", "recommendation needs a number probabilityFree");
        }
        try {
            return new Issued(n.get("request").asText(), n.get("facility").asText(), Instant.parse(n.get("issuedAt").asText()),
                    Instant.parse(n.get("countsUntil").asText()), n.get("probabilityFree").doubleValue(), n.get("instance").asText());
        } catch (RuntimeException e) {
            throw new JsonCodecException("wrong_type", "bad recommendation: " + e.getMessage());
        }
    }
}
