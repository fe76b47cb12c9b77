package de.parkleit.guidance.signs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * JSON of a sign frame on {@code {root}/signs/{id}} (retained):
 * <pre>{"sign":"hd-s01","name":"…","lat":49.4,"lon":8.68,"heading":40,"ts":"…","validUntil":"…",
 *  "lines":[{"facility":"…","name":"P1 Poststraße","text":"P1 Poststraße 123","display":"123",
 *            "state":"free","free":123,"arrow":"left","glyph":"←"}]}</pre>
 * {@code state} is one of {@code free}, {@code almost_full}, {@code full}, {@code closed},
 * {@code unknown}; {@code free} is the number shown, null when the line shows none; {@code arrow} is
 * {@code straight}, {@code slight_left}, {@code left}, {@code slight_right}, {@code right} or empty.
 */
public final class SignFrameCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SignFrameCodec() {
    }

    public static ObjectNode toJson(SignFrame f) {
        Sign s = f.sign();
        ObjectNode n = MAPPER.createObjectNode();
        n.put("sign", s.id());
        n.put("name", s.name());
        n.put("lat", s.lat());
        n.put("lon", s.lon());
        n.put("heading", s.heading());
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
}
