package de.parkleit.core.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.QualityFlag;
import de.parkleit.core.state.Trend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** JSON form of {@link FacilityState} on the retained state topics and in the HTTP API. */
public final class FacilityStateCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FacilityStateCodec() {
    }

    public static ObjectNode toJson(FacilityState s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", s.facilityId());
        if (s.free() == null) {
            n.putNull("free");
        } else {
            n.put("free", s.free());
        }
        n.put("capacity", s.capacity());
        n.put("status", s.status().wireName());
        n.put("trend", s.trend().wireName());
        if (s.updatedAt() == null) {
            n.putNull("updatedAt");
        } else {
            n.put("updatedAt", s.updatedAt().toString());
        }
        ArrayNode flags = n.putArray("flags");
        s.flags().stream().sorted().forEach(f -> flags.add(f.wireName()));
        return n;
    }

    public static byte[] encode(FacilityState s) {
        return toJson(s).toString().getBytes(StandardCharsets.UTF_8);
    }

    public static FacilityState decode(byte[] payload) {
        JsonNode n;
        try {
            n = MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new JsonCodecException("malformed_json", "facility state is not JSON: " + e.getMessage());
        }
        if (n == null || !n.isObject()) {
            throw new JsonCodecException("malformed_json", "facility state must be a JSON object");
        }
        try {
            Integer free = n.path("free").isNumber() ? n.get("free").intValue() : null;
            FacilityStatus status = FacilityStatus.parseOrNull(n.path("status").asText(null));
            Trend trend = Trend.valueOf(n.path("trend").asText("unknown").toUpperCase(Locale.ROOT));
            Instant updatedAt = n.path("updatedAt").isTextual() ? Instant.parse(n.get("updatedAt").asText()) : null;
            Set<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
            for (JsonNode f : n.path("flags")) {
                flags.add(QualityFlag.valueOf(f.asText().toUpperCase(Locale.ROOT)));
            }
            return new FacilityState(n.path("id").asText(), free, n.path("capacity").asInt(),
                    status == null ? FacilityStatus.UNKNOWN : status, trend, updatedAt, flags);
        } catch (RuntimeException e) {
            throw new JsonCodecException("wrong_type", "facility state has invalid fields: " + e.getMessage());
        }
    }
}
