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
 * The one codec of a sign frame on {@code {root}/signs/{id}} (retained):
 * <pre>{"sign":"hd-s01","name":"…","lat":49.4,"lon":8.68,"heading":40,"ts":"…","validUntil":"…",
 *  "lines":[{"facility":"…","name":"P1 Poststraße","text":"P1 Poststraße 123","display":"123",
 *            "state":"free","free":123,"arrow":"left","glyph":"←"}]}</pre>
 * {@code state} is one of {@code free}, {@code almost_full}, {@code full}, {@code closed},
 * {@code unknown}; {@code free} is the number shown, null when the line shows none; {@code arrow} is
 * {@code straight}, {@code slight_left}, {@code left}, {@code slight_right}, {@code right} or empty.
 * {@link #decode} accepts exactly what {@link #encode} writes: every field present, at most
 * {@value SignFrame#MAX_LINES} lines, {@code text} = name + " " + display and {@code glyph} the
 * arrow's glyph; anything else (e.g. a {@code back} arrow) is a {@link JsonCodecException}.
 */
public final class SignFrameCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_TEXT = 80;

    private SignFrameCodec() {
    }

    public static ObjectNode toJson(SignFrame f) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("sign", f.signId());
        n.put("name", f.name());
        n.put("lat", f.lat());
        n.put("lon", f.lon());
        n.put("heading", f.heading());
        n.put("ts", f.ts().toString());
        n.put("validUntil", f.validUntil().toString());
        ArrayNode lines = n.putArray("lines");
        for (SignLine l : f.lines()) {
            ObjectNode o = lines.addObject();
            o.put("facility", l.facilityId());
            o.put("name", l.name());
            o.put("text", l.text());
            o.put("display", l.display());
            o.put("state", l.state().wireName());
            if (l.free() == null) {
                o.putNull("free");
            } else {
                o.put("free", l.free());
            }
            o.put("arrow", l.arrow().wireName());
            o.put("glyph", l.arrow().glyph());
        }
        return n;
    }

    public static byte[] encode(SignFrame f) {
        return toJson(f).toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param topicSignId the id in the topic; the frame's {@code sign} must equal it
     * @throws JsonCodecException with reason {@code malformed_json}, {@code wrong_type}, {@code missing_field} or {@code id_mismatch}
     */
    public static SignFrame decode(String topicSignId, byte[] payload) {
        JsonNode n;
        try {
            n = MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new JsonCodecException("malformed_json", "sign frame is not JSON: " + e.getMessage());
        }
        if (n == null || !n.isObject()) {
            throw new JsonCodecException("malformed_json", "sign frame must be a JSON object");
        }
        String sign = text(n, "sign");
        if (!Ids.isValid(sign)) {
            throw new JsonCodecException("wrong_type", "sign must be an id");
        }
        if (topicSignId != null && !topicSignId.equals(sign)) {
            throw new JsonCodecException("id_mismatch", "sign " + sign + " published on the topic of " + topicSignId);
        }
        double lat = number(n, "lat");
        double lon = number(n, "lon");
        double heading = number(n, "heading");
        if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || !(heading >= 0 && heading < 360)) {
            throw new JsonCodecException("wrong_type", "sign position or heading out of range");
        }
        JsonNode ls = n.path("lines");
        if (!ls.isArray()) {
            throw new JsonCodecException("missing_field", "sign frame needs a lines array");
        }
        if (ls.size() > SignFrame.MAX_LINES) {
            throw new JsonCodecException("wrong_type", "a sign has at most " + SignFrame.MAX_LINES + " lines");
        }
        List<SignLine> lines = new ArrayList<>(ls.size());
        for (JsonNode l : ls) {
            lines.add(line(l));
        }
        return new SignFrame(sign, text(n, "name"), lat, lon, heading, lines, instant(n, "ts"), instant(n, "validUntil"));
    }

    private static SignLine line(JsonNode l) {
        if (!l.isObject()) {
            throw new JsonCodecException("wrong_type", "each line must be an object");
        }
        String facility = text(l, "facility");
        if (!Ids.isValid(facility)) {
            throw new JsonCodecException("wrong_type", "line facility must be an id");
        }
        LineState state = LineState.parseOrNull(text(l, "state"));
        if (state == null) {
            throw new JsonCodecException("wrong_type", "line state must be one of free, almost_full, full, closed, unknown");
        }
        Arrow arrow = Arrow.parseOrNull(text(l, "arrow"));
        if (arrow == null) {
            throw new JsonCodecException("wrong_type", "arrow must be one of straight, slight_left, left, slight_right, right or empty");
        }
        if (!l.has("free") || !(l.get("free").isNull() || l.get("free").canConvertToExactIntegral())) {
            throw new JsonCodecException("missing_field", "line free must be a number or null");
        }
        Integer free = l.get("free").isNull() ? null : l.get("free").intValue();
        SignLine line = new SignLine(facility, text(l, "name"), state, free, text(l, "display"), arrow);
        if (!line.text().equals(text(l, "text")) || !arrow.glyph().equals(text(l, "glyph"))) {
            throw new JsonCodecException("wrong_type", "line text or glyph does not match its name, display and arrow");
        }
        return line;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new JsonCodecException("missing_field", "sign frame needs a text field " + field);
        }
        String s = v.asText();
        if (s.length() > MAX_TEXT || s.chars().anyMatch(Character::isISOControl)) {
            throw new JsonCodecException("wrong_type", field + " is at most " + MAX_TEXT + " characters without control characters");
        }
        return s;
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            throw new JsonCodecException("missing_field", "sign frame needs a number " + field);
        }
        return v.doubleValue();
    }

    private static Instant instant(JsonNode n, String field) {
        try {
            return Instant.parse(text(n, field));
        } catch (DateTimeParseException e) {
            throw new JsonCodecException("wrong_type", field + " must be an ISO-8601 instant");
        }
    }
}
