package de.parkleit.platform.store.questdb;

import de.parkleit.platform.store.Measurement;
import de.parkleit.platform.store.StoreOptions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of the store, created at start if missing and re-aligned to the configured retention
 * on every start.
 *
 * <ul>
 *   <li>Raw tables: designated timestamp {@code ts}, daily partitions, WAL, and
 *       {@code DEDUP UPSERT KEYS(ts, <ids>)} so that writing the same series and timestamp again
 *       overwrites the row (idempotent replay). Raw readings have no TTL: {@link QuestDbDownsampler}
 *       drops their old days after aggregating them. Events (guidance, signs) keep a TTL of the
 *       aggregate retention.</li>
 *   <li>5-minute aggregate tables ({@link QuestDbAggregate}): monthly partitions, DEDUP on
 *       (ts, id), TTL of the aggregate retention.</li>
 *   <li>{@code parkleit_retention}: up to which day raw rows were dropped, per raw table.</li>
 * </ul>
 * Earlier versions kept the aggregates in materialized views with a raw TTL; TTL could drop raw
 * days before the view had aggregated them (a backfill older than raw retention lost them), so
 * such views are dropped and replaced by tables, and the raw TTL is cleared.
 */
final class QuestDbSchema {

    private static final Map<Measurement, String> COLUMNS = new EnumMap<>(Map.of(
            Measurement.PARKING_OCCUPANCY, "facility SYMBOL, free INT, capacity INT, status VARCHAR",
            Measurement.PARKING_COUNTS, "facility SYMBOL, entered INT, exited INT, seq LONG",
            Measurement.SPACE_OCCUPANCY, "facility SYMBOL, space SYMBOL, occupied BOOLEAN",
            Measurement.TRAFFIC, "detector SYMBOL, interval_s INT, count INT, speed_kmh DOUBLE, occupancy_pct DOUBLE",
            Measurement.GUIDANCE_ISSUED, "facility SYMBOL, request SYMBOL, probability_free DOUBLE",
            Measurement.SIGN_DISPLAY, "sign SYMBOL, text VARCHAR"));

    private QuestDbSchema() {
    }

    /** The statements to run at start, in order (after dropping old materialized views). */
    static List<String> statements(StoreOptions options) {
        List<String> out = new ArrayList<>();
        for (Measurement m : Measurement.values()) {
            long ttlDays = isEvent(m) ? options.aggregateRetention().toDays() : 0;
            out.add(create(m, ttlDays));
            out.add("ALTER TABLE " + m.table() + " SET TTL " + ttlDays + " DAYS");
        }
        long months = options.aggregateRetentionMonths();
        for (QuestDbAggregate a : QuestDbAggregate.values()) {
            out.add(a.create(months));
            out.add("ALTER TABLE " + a.table() + " SET TTL " + months + " MONTHS");
        }
        out.add(QuestDbDownsampler.createRetentionTable());
        return out;
    }

    static String create(Measurement m, long ttlDays) {
        return "CREATE TABLE IF NOT EXISTS " + m.table() + " (" + COLUMNS.get(m) + ", ts TIMESTAMP)"
                + " TIMESTAMP(ts) PARTITION BY DAY" + (ttlDays > 0 ? " TTL " + ttlDays + " DAYS" : "") + " WAL"
                + " DEDUP UPSERT KEYS(ts, " + String.join(", ", m.tags()) + ")";
    }

    private static boolean isEvent(Measurement m) {
        return m == Measurement.GUIDANCE_ISSUED || m == Measurement.SIGN_DISPLAY;
    }
}
