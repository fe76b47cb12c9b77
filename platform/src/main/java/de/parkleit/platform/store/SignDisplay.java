package de.parkleit.platform.store;

import de.parkleit.core.Ids;
import java.time.Instant;
import java.util.Objects;

/**
 * A sign changed what it shows; {@code text} is the rendered display (all lines). Stored in
 * {@code sign_display}; {@code (ts, sign)} identifies it.
 */
public record SignDisplay(Instant ts, String signId, String text) implements StoreEvent {
    public SignDisplay {
        Objects.requireNonNull(ts, "ts");
        Ids.require(signId, "sign id");
        Objects.requireNonNull(text, "text");
        if (text.length() > 1024) {
            throw new IllegalArgumentException("sign text must be at most 1024 characters");
        }
    }
}
