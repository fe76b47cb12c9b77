package de.parkleit.core.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.parkleit.core.reading.TrafficReading;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * JSON of the retained {@code state/traffic/{segment}} topics (segment = detector id):
 * {@code {"id":"D1","ts":"...","intervalS":60,"count":14,"flowPerHour":840,"speedKmh":31.5,"occupancyPct":12.0}}.
 * The one codec of that payload: ingest encodes it, routing's live traffic decodes it.
 * {@code flowPerHour} is derived (count per interval scaled to an hour) and ignored on decoding.
 */
public final class TrafficStateCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TrafficStateCodec() {
    }

    public static byte[] encode(TrafficReading r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", r.detectorId());
        n.put("ts", r.ts().toString());
        n.put("intervalS", r.intervalS());
        n.put("count", r.count());
        n.put("flowPerHour", Math.round(r.count() * 3600.0 / r.intervalS()));
        if (r.speedKmh() == null) {
            n.putNull("speedKmh");
        } else {
            n.put("speedKmh", r.speedKmh());
        }
        if (r.occupancyPct() == null) {
            n.putNull("occupancyPct");
        } else {
            n.put("occupancyPct", r.occupancyPct());
        }
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param topicDetectorId the segment in the topic; the payload's {@code id} must equal it
     * @throws JsonCodecException with reason {@code malformed_json}, {@code missing_field}, {@code wrong_type} or {@code id_mismatch}
     */
    public static TrafficReading decode(String topicDetectorId, byte[] payload) {
        JsonNode n;
        try {
            n = MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new JsonCodecException("malformed_json", "traffic state is not JSON: " + e.getMessage());
        }
        if (n == null || !n.isObject()) {
            throw new JsonCodecException("malformed_json", "traffic state must be a JSON object");
        }
        for (String f : new String[] {"id", "ts", "intervalS", "count"}) {
            if (!n.hasNonNull(f)) {
                throw new JsonCodecException("missing_field", "traffic state needs " + f);
            }
        }
        if (!n.get("id").isTextual() || !n.get("ts").isTextual() || !n.get("intervalS").canConvertToExactIntegral()
                || !n.get("count").canConvertToExactIntegral() || !nullOrNumber(n, "speedKmh") || !nullOrNumber(n, "occupancyPct")) {
            throw new JsonCodecException("wrong_type", "traffic state has fields of the wrong type");
        }
        String id = n.get("id").asText();
        if (topicDetectorId != null && !topicDetectorId.equals(id)) {
            throw new JsonCodecException("id_mismatch", "traffic state of " + id + " on the topic of " + topicDetectorId);
        }
        int intervalS = n.get("intervalS").intValue();
        if (intervalS <= 0) {
            throw new JsonCodecException("wrong_type", "intervalS must be positive");
        }
        try {
            return new TrafficReading(id, Instant.parse(n.get("ts").asText()), intervalS, n.get("count").intValue(),
                    n.path("speedKmh").isNumber() ? n.get("speedKmh").doubleValue() : null,
                    n.path("occupancyPct").isNumber() ? n.get("occupancyPct").doubleValue() : null);
        } catch (RuntimeException e) {
            throw new JsonCodecException("wrong_type", "traffic state has invalid fields: " + e.getMessage());
        }
    }

    private static boolean nullOrNumber(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isNumber();
    }
}
