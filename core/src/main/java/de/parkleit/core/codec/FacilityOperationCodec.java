package de.parkleit.core.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.core.reading.FacilityStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * JSON of {@link FacilityOperation} on {@code {root}/ops/facility/{id}}:
 * {@code {"id":"p1","status":"closed","reason":"Weihnachtsmarkt","until":"2026-12-24T18:00:00Z","by":"alice","at":"…"}}.
 */
public final class FacilityOperationCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FacilityOperationCodec() {
    }

    public static ObjectNode toJson(FacilityOperation o) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", o.facilityId());
        n.put("status", o.status().wireName());
        n.put("reason", o.reason());
        n.put("until", o.until().toString());
        n.put("by", o.by());
        n.put("at", o.at().toString());
        return n;
    }

    public static byte[] encode(FacilityOperation o) {
        return toJson(o).toString().getBytes(StandardCharsets.UTF_8);
    }

    public static FacilityOperation decode(byte[] payload) {
        JsonNode n;
        try {
            n = MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new JsonCodecException("malformed_json", "facility operation is not JSON: " + e.getMessage());
        }
        if (n == null || !n.isObject()) {
            throw new JsonCodecException("malformed_json", "facility operation must be a JSON object");
        }
        try {
            FacilityStatus status = FacilityStatus.parseOrNull(n.path("status").asText(null));
            if (status == null) {
                throw new IllegalArgumentException("status must be closed or reserved");
            }
            return new FacilityOperation(n.path("id").asText(null), status, n.path("reason").asText(null),
                    Instant.parse(n.path("until").asText("")), n.path("by").asText(""), Instant.parse(n.path("at").asText("")));
        } catch (DateTimeParseException e) {
            throw new JsonCodecException("wrong_type", "facility operation times must be ISO-8601 instants: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new JsonCodecException("wrong_type", "facility operation has invalid fields: " + e.getMessage());
        }
    }
}
