package de.parkleit.guidance.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.parkleit.core.topic.Topics;
import de.parkleit.guidance.Issued;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A recommendation on {@code {root}/guidance/issued} (QoS 1, not retained), so that every
 * guidance instance counts every other instance's recommendations against the facilities:
 * <pre>{"request":"node1-lq3x9a-17","facility":"…","issuedAt":"…","countsUntil":"…","probabilityFree":0.93,"instance":"node1"}</pre>
 */
public final class IssuedCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private IssuedCodec() {
    }

    public static String topic(Topics topics) {
        return topics.root() + "/guidance/issued";
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

    /** @throws IllegalArgumentException if the payload is not a valid recommendation */
    public static Issued decode(byte[] payload) {
        try {
            JsonNode n = MAPPER.readTree(payload);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return new Issued(n.path("request").asText(null), n.path("facility").asText(null),
                    Instant.parse(n.path("issuedAt").asText("")), Instant.parse(n.path("countsUntil").asText("")),
                    n.path("probabilityFree").asDouble(-1), n.path("instance").asText(null));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("bad recommendation: " + e.getMessage(), e);
        }
    }
}
