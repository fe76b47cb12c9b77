package de.parkleit.signbridge;

import de.parkleit.core.sign.Arrow;
import de.parkleit.core.sign.LineState;
import de.parkleit.core.sign.SignFrame;
import de.parkleit.core.sign.SignLine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What a sign shows when nobody vouches for its numbers: {@code dash} keeps each facility's name and
 * shows {@code —} (no count, no arrow), {@code blank} shows nothing. A safe frame is valid for a day:
 * it is itself the fail-safe state, so a controller that blanks expired frames may keep it.
 */
public enum SafeText {
    DASH, BLANK;

    static final Duration VALIDITY = Duration.ofDays(1);

    /** @param last the last frame decided for the sign (for its name, position and lines), or a bare one */
    public SignFrame frame(SignFrame last, Instant now) {
        List<SignLine> lines = this == BLANK ? List.of() : last.lines().stream()
                .map(l -> new SignLine(l.facilityId(), l.name(), LineState.UNKNOWN, null, SignLine.UNKNOWN_TEXT, Arrow.NONE))
                .toList();
        return new SignFrame(last.signId(), last.name(), last.lat(), last.lon(), last.heading(), lines, now, now.plus(VALIDITY));
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code dash} or {@code blank}; anything else is an {@link IllegalArgumentException} naming both. */
    public static SafeText parse(String s) {
        for (SafeText t : values()) {
            if (t.wireName().equals(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("safe text must be dash or blank, got " + s);
    }
}
