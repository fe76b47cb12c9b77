package de.parkleit.platform.store.questdb;

import de.parkleit.core.Ids;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Safe pieces of QuestDB SQL. Only values produced here reach a statement: ids checked against
 * the id pattern and quoted with {@code '} doubled, instants formatted by us, steps as a number of
 * seconds. Request text never reaches SQL directly.
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

    /** A SAMPLE BY unit for a whole number of seconds that divides a day (buckets align to the epoch). */
    static String step(Duration step) {
        Objects.requireNonNull(step, "step");
        long s = step.getSeconds();
        if (step.getNano() != 0 || s < 1 || 86_400 % s != 0) {
            throw new IllegalArgumentException("step must be whole seconds dividing a day, got " + step);
        }
        return s + "s";
    }
}
