package de.parkleit.core.sign;

import de.parkleit.core.Ids;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a sign bridge reports after showing a frame on a sign, published retained on
 * {@code {root}/signs/{id}/ack}: which frame it sent (the one parkleit decided, or the sign's safe
 * text), what the controller reports it displays and since when, and a fault if any.
 *
 * @param driver      the driver kind that drives the sign ({@code log}, {@code http-json}, ...)
 * @param at          when the bridge made this report
 * @param decidedTs   {@code ts} of the decided frame the bridge sent; null when it sent the safe text
 * @param safe        why the bridge sent the safe text ({@code expired}, {@code stale}, {@code broker_lost},
 *                    {@code no_frame}); null when it sent the decided frame
 * @param displayed   the lines the controller reports it displays (sign text with arrow glyphs); null if unknown
 *                    (the controller did not answer)
 * @param displayedAt when the controller reported it; null with {@code displayed}
 * @param fault       a short reason when the show failed or the controller displays something else; null when fine
 */
public record SignAck(String signId, String driver, Instant at, Instant decidedTs, String safe, List<String> displayed,
                      Instant displayedAt, String fault) {

    /** Reasons a bridge shows a sign's safe text. */
    public static final List<String> SAFE_REASONS = List.of("expired", "stale", "broker_lost", "no_frame");
    /** Longest fault text. */
    public static final int MAX_FAULT = 200;

    public SignAck {
        Ids.require(signId, "sign id");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(at, "at");
        if ((decidedTs == null) == (safe == null)) {
            throw new IllegalArgumentException("sign " + signId + ": an ack names either the decided frame or a safe reason");
        }
        if (safe != null && !SAFE_REASONS.contains(safe)) {
            throw new IllegalArgumentException("sign " + signId + ": unknown safe reason " + safe);
        }
        if ((displayed == null) != (displayedAt == null)) {
            throw new IllegalArgumentException("sign " + signId + ": displayed and displayedAt come together");
        }
        displayed = displayed == null ? null : List.copyOf(displayed);
        if (displayed != null && displayed.size() > SignFrame.MAX_LINES) {
            throw new IllegalArgumentException("sign " + signId + ": at most " + SignFrame.MAX_LINES + " displayed lines");
        }
        if (fault != null && (fault.isBlank() || fault.length() > MAX_FAULT)) {
            throw new IllegalArgumentException("sign " + signId + ": fault must be 1.." + MAX_FAULT + " characters");
        }
    }

    /** The lines of a frame as a sign shows them: the line text, then the arrow glyph if any. */
    public static List<String> linesOf(SignFrame f) {
        return f.lines().stream().map(l -> l.text() + (l.arrow().glyph().isEmpty() ? "" : " " + l.arrow().glyph())).toList();
    }
}
