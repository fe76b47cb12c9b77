package de.parkleit.dashboard.signs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.parkleit.core.Ids;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a sign message: {@code {"name":"…","lat":49.4,"lon":8.69,"validUntil":"…",
 * "lines":[{"facility":"p1","text":"P1 Poststraße 123","arrow":"left"}]}}. Name and position are
 * optional (the city's sign file may know them). At most 8 lines of at most 80 characters; arrows
 * are one of {@link #ARROWS}. Throws {@link IllegalArgumentException} with the reason otherwise.
 */
public final class SignDecoder {

    public static final List<String> ARROWS = List.of("", "left", "right", "straight", "slight_left", "slight_right", "back");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SignDecoder() {
    }

    public static SignDisplay decode(String signId, byte[] payload, SignLocations locations, Instant now) {
        JsonNode n;
        try {
            n = MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("sign message is not JSON");
        }
        if (n == null || !n.isObject() || !n.path("lines").isArray()) {
            throw new IllegalArgumentException("sign message must be an object with a lines array");
        }
        if (n.path("lines").size() > 8) {
            throw new IllegalArgumentException("a sign has at most 8 lines");
        }
        List<SignDisplay.Line> lines = new ArrayList<>();
        for (JsonNode l : n.path("lines")) {
            lines.add(line(l));
        }
        SignLocations.Location known = locations.get(signId);
        String name = text(n.path("name"), 80, known == null ? signId : known.name());
        Double lat = n.path("lat").isNumber() ? n.get("lat").doubleValue() : known == null ? null : known.lat();
        Double lon = n.path("lon").isNumber() ? n.get("lon").doubleValue() : known == null ? null : known.lon();
        if (lat != null && (lon == null || Math.abs(lat) > 90 || Math.abs(lon) > 180)) {
            throw new IllegalArgumentException("sign position out of range");
        }
        Instant validUntil = null;
        if (n.path("validUntil").isTextual()) {
            try {
                validUntil = Instant.parse(n.get("validUntil").asText());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("validUntil must be an ISO-8601 instant");
            }
        }
        return new SignDisplay(signId, name, lat, lon, lines, validUntil, now);
    }

    private static SignDisplay.Line line(JsonNode l) {
        if (!l.isObject() || !l.path("text").isTextual()) {
            throw new IllegalArgumentException("each line needs a text");
        }
        String facility = l.path("facility").isTextual() ? l.get("facility").asText() : null;
        if (facility != null && !Ids.isValid(facility)) {
            throw new IllegalArgumentException("line facility must be an id");
        }
        String arrow = l.path("arrow").asText("").toLowerCase(Locale.ROOT).replace('-', '_');
        if (!ARROWS.contains(arrow)) {
            throw new IllegalArgumentException("arrow must be one of " + ARROWS);
        }
        return new SignDisplay.Line(facility, text(l.get("text"), 80, ""), arrow);
    }

    private static String text(JsonNode n, int max, String fallback) {
        if (!n.isTextual()) {
            return fallback;
        }
        String s = n.asText().strip();
        if (s.length() > max || s.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("sign texts are at most " + max + " characters without control characters");
        }
        return s;
    }
}
