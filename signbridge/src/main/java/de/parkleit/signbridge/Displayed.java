package de.parkleit.signbridge;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a sign reports it displays.
 *
 * @param lines one text per line, as {@link de.parkleit.core.sign.SignAck#linesOf} writes them (empty: blank)
 * @param at    when the sign reported it
 */
public record Displayed(List<String> lines, Instant at) {

    public Displayed {
        lines = List.copyOf(lines);
        Objects.requireNonNull(at, "at");
    }
}
