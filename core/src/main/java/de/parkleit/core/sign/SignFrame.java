package de.parkleit.core.sign;

import de.parkleit.core.Ids;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What one sign shows, as published retained on {@code {root}/signs/{id}}: the sign (id, name,
 * position and the heading of the drivers who read it) and its lines.
 *
 * @param validUntil a controller blanks the sign after this unless a newer frame arrives
 */
public record SignFrame(String signId, String name, double lat, double lon, double heading, List<SignLine> lines,
                        Instant ts, Instant validUntil) {

    /** Most lines a sign can show. */
    public static final int MAX_LINES = 8;

    public SignFrame {
        Ids.require(signId, "sign id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(validUntil, "validUntil");
        lines = List.copyOf(lines);
        if (lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("sign " + signId + ": at most " + MAX_LINES + " lines, got " + lines.size());
        }
    }

    /** Whether a controller must blank the sign at {@code now}. */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(validUntil);
    }

    /** All lines in one string, for the audit log: {@code P1 Poststraße 123 ↑ | P3 Crowne Plaza besetzt ←}. */
    public String text() {
        return lines.stream().map(l -> l.text() + (l.arrow().glyph().isEmpty() ? "" : " " + l.arrow().glyph()))
                .collect(Collectors.joining(" | "));
    }
}
