package de.parkleit.platform.store.questdb;

import de.parkleit.core.Ids;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Safe pieces of QuestDB SQL. Only values produced here reach a statement: ids checked against the
 * id pattern {@code [A-Za-z0-9_-]} and quoted with {@code '} doubled, instants formatted by us,
 * steps as a whole number of seconds. Request text never reaches SQL otherwise.
 */
final class QuestDbSql {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private QuestDbSql() {
    }

    /** A quoted string literal of a valid id. */
    static String literal(String id) {
        Ids.require(id, "id");
        return "'" + id.replace("'", "''") + "'";
    }

    /** {@code ('a', 'b')} of valid ids. */
    static String inList(Collection<String> ids) {
        return ids.stream().map(QuestDbSql::literal).collect(Collectors.joining(", ", "(", ")"));
    }

    /** {@code ts >= 'from' AND ts < 'to'} with microsecond precision. */
    static String range(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to, got " + from + " .. " + to);
        }
        return "ts >= '" + timestamp(from) + "' AND ts < '" + timestamp(to) + "'";
    }

    static String timestamp(Instant t) {
        return TS.format(t.truncatedTo(ChronoUnit.MICROS));
    }

    /** Parses QuestDB's {@code 2026-11-26T12:00:00.000000Z} quickly; anything else through {@link Instant#parse}. */
    static Instant instant(String s) {
        if (s.length() != 27 || s.charAt(4) != '-' || s.charAt(10) != 'T' || s.charAt(19) != '.' || s.charAt(26) != 'Z') {
            return Instant.parse(s);
        }
        long day = java.time.LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10)).toEpochDay();
        long sec = day * 86_400 + digits(s, 11, 13) * 3_600L + digits(s, 14, 16) * 60L + digits(s, 17, 19);
        return Instant.ofEpochSecond(sec, digits(s, 20, 26) * 1_000L);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a QuestDB timestamp: " + s);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** {@code SAMPLE BY <n>s ALIGN TO CALENDAR} for a whole number of seconds that divides a day. */
    static String sampleBy(Duration step) {
        Objects.requireNonNull(step, "step");
        long s = step.getSeconds();
        if (step.getNano() != 0 || s < 1 || 86_400 % s != 0) {
            throw new IllegalArgumentException("step must be whole seconds dividing a day, got " + step);
        }
        return " SAMPLE BY " + s + "s ALIGN TO CALENDAR";
    }
}
