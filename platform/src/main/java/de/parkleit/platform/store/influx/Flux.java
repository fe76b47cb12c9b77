package de.parkleit.platform.store.influx;

import de.parkleit.core.Ids;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Safe pieces of Flux. Only values produced here reach a script: string literals of checked ids
 * and configured names with {@code \}, {@code "} and {@code $} escaped (so {@code ${...}}
 * interpolation cannot happen), RFC 3339 time literals we format, and durations in seconds.
 */
final class Flux {

    private Flux() {
    }

    /** A Flux string literal of any text, fully escaped. */
    static String string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '"', '$' -> sb.append('\\').append(c);
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** {@code (r) => r.tag == "a" or r.tag == "b"} for checked ids; {@code tag} is one of our own column names. */
    static String anyOf(String tag, Collection<String> ids) {
        return ids.stream().map(id -> "r." + tag + " == " + string(Ids.require(id, tag + " id")))
                .collect(Collectors.joining(" or ", "(r) => ", ""));
    }

    /** {@code range(start: ..., stop: ...)} with RFC 3339 literals (microseconds). */
    static String range(Instant from, Instant to) {
        return "range(start: " + time(from) + ", stop: " + time(to) + ")";
    }

    static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS).toString();
    }

    static String duration(Duration d) {
        return d.toSeconds() + "s";
    }
}
