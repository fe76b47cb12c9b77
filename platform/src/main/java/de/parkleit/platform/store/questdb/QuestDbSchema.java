package de.parkleit.platform.store.questdb;

import de.parkleit.platform.store.Measurement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of the store, created at start if missing: designated timestamp {@code ts}, daily
 * partitions, WAL, and {@code DEDUP UPSERT KEYS(ts, <ids>)} so that writing the same series and
 * timestamp again overwrites the row (idempotent replay).
 */
final class QuestDbSchema {

    private static final Map<Measurement, String> COLUMNS = new EnumMap<>(Map.of(
            Measurement.PARKING_OCCUPANCY, "facility SYMBOL, free INT, capacity INT, status VARCHAR",
            Measurement.PARKING_COUNTS, "facility SYMBOL, entered INT, exited INT, seq LONG",
            Measurement.SPACE_OCCUPANCY, "facility SYMBOL, space SYMBOL, occupied BOOLEAN",
            Measurement.TRAFFIC, "detector SYMBOL, interval_s INT, count INT, speed_kmh DOUBLE, occupancy_pct DOUBLE",
            Measurement.GUIDANCE_ISSUED, "facility SYMBOL, request VARCHAR, probability_free DOUBLE",
            Measurement.SIGN_DISPLAY, "sign SYMBOL, text VARCHAR"));

    private QuestDbSchema() {
    }

    /** The CREATE TABLE statements, one per measurement. */
    static List<String> createStatements() {
        return java.util.Arrays.stream(Measurement.values()).map(QuestDbSchema::create).toList();
    }

    static String create(Measurement m) {
        return "CREATE TABLE IF NOT EXISTS " + m.table() + " (" + COLUMNS.get(m) + ", ts TIMESTAMP)"
                + " TIMESTAMP(ts) PARTITION BY DAY WAL"
                + " DEDUP UPSERT KEYS(ts, " + String.join(", ", m.tags()) + ")";
    }
}
