package de.parkleit.dashboard.signs;

import java.time.Instant;
import java.util.List;

/**
 * What one sign shows now.
 *
 * @param lat        position, or null when neither the message nor the city knows it
 * @param validUntil after this the content must not be trusted (shown as "—"); null if not given
 * @param receivedAt when this instance received it
 */
public record SignContent(String id, String name, Double lat, Double lon, List<Line> lines, Instant validUntil, Instant receivedAt) {

    /** One line: the facility it is about (may be null for free text), its text and an arrow. */
    public record Line(String facility, String text, String arrow) {
    }

    public SignContent {
        lines = List.copyOf(lines);
    }

    public boolean expiredAt(Instant now) {
        return validUntil != null && !now.isBefore(validUntil);
    }

    /** All lines as one text, for the audit log. */
    public String text() {
        return String.join(" | ", lines.stream().map(l -> (l.arrow().isEmpty() ? "" : "[" + l.arrow() + "] ") + l.text()).toList());
    }
}
