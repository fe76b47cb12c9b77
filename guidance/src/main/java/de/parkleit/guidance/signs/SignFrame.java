package de.parkleit.guidance.signs;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one sign shows, as published retained on {@code {root}/signs/{id}}.
 *
 * @param validUntil a controller blanks the sign after this unless a newer frame arrives
 */
public record SignFrame(Sign sign, List<SignLine> lines, Instant ts, Instant validUntil) {

    public SignFrame {
        lines = List.copyOf(lines);
    }

    /** All lines in one string, for the audit log: {@code P1 Poststraße 123 ↑ | P3 Crowne Plaza besetzt ←}. */
    public String text() {
        return lines.stream().map(l -> l.text() + (l.arrow().glyph().isEmpty() ? "" : " " + l.arrow().glyph()))
                .collect(Collectors.joining(" | "));
    }
}
