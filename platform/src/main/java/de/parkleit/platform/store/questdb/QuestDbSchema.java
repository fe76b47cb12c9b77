package de.parkleit.platform.store.questdb;

import de.parkleit.platform.store.Measurement;
import de.parkleit.platform.store.StoreOptions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The tables and views of the store, created at start if missing and re-aligned to the configured
 * retention on every start.
 *
 * <ul>
 *   <li>Raw tables: designated timestamp {@code ts}, daily partitions, WAL, and
 *       {@code DEDUP UPSERT KEYS(ts, <ids>)} so that writing the same series and timestamp again
 *       overwrites the row (idempotent replay); readings keep {@code TTL} = raw retention, events
 *       (guidance, signs) the aggregate retention.</li>
 *   <li>Materialized views {@code parking_occupancy_5m} and {@code traffic_5m}: 5-minute aggregates
 *       kept as sums and counts (so coarser steps re-aggregate exactly), refreshed incrementally by
 *       QuestDB after each base transaction, monthly partitions, {@code TTL} = aggregate retention.
 *       Dropping raw partitions by TTL leaves the views intact: this is the downsampling job.</li>
 * </ul>
 */
final class QuestDbSchema {

    static final String OCCUPANCY_5M = "parking_occupancy_5m";
    static final String TRAFFIC_5M = "traffic_5m";

    private static final Map<Measurement, String> COLUMNS = new EnumMap<>(Map.of(
            Measurement.PARKING_OCCUPANCY, "facility SYMBOL, free INT, capacity INT, status VARCHAR",
            Measurement.PARKING_COUNTS, "facility SYMBOL, entered INT, exited INT, seq LONG",
            Measurement.SPACE_OCCUPANCY, "facility SYMBOL, space SYMBOL, occupied BOOLEAN",
            Measurement.TRAFFIC, "detector SYMBOL, interval_s INT, count INT, speed_kmh DOUBLE, occupancy_pct DOUBLE",
            Measurement.GUIDANCE_ISSUED, "facility SYMBOL, request SYMBOL, probability_free DOUBLE",
            Measurement.SIGN_DISPLAY, "sign SYMBOL, text VARCHAR"));

    private static final Map<String, String> VIEWS = Map.of(
            OCCUPANCY_5M, "SELECT ts, facility, min(free) min_free, max(free) max_free, sum(free) sum_free,"
                    + " count() samples FROM parking_occupancy SAMPLE BY 5m",
            TRAFFIC_5M, "SELECT ts, detector, sum(count) vehicles, sum(speed_kmh) speed_sum, count(speed_kmh) speed_n,"
                    + " sum(occupancy_pct) occ_sum, count(occupancy_pct) occ_n, count() samples FROM traffic SAMPLE BY 5m");

    private QuestDbSchema() {
    }

    /** The statements to run at start, in order. */
    static List<String> statements(StoreOptions options) {
        List<String> out = new ArrayList<>();
        for (Measurement m : Measurement.values()) {
            long ttlDays = isEvent(m) ? options.aggregateRetention().toDays() : options.rawRetention().toDays();
            out.add(create(m, ttlDays));
            out.add("ALTER TABLE " + m.table() + " SET TTL " + ttlDays + " DAYS");
        }
        long months = options.aggregateRetentionMonths();
        for (String view : List.of(OCCUPANCY_5M, TRAFFIC_5M)) {
            out.add("CREATE MATERIALIZED VIEW IF NOT EXISTS " + view + " AS (" + VIEWS.get(view) + ")"
                    + " PARTITION BY MONTH TTL " + months + " MONTHS");
            out.add("ALTER MATERIALIZED VIEW " + view + " SET TTL " + months + " MONTHS");
        }
        return out;
    }

    static String create(Measurement m, long ttlDays) {
        return "CREATE TABLE IF NOT EXISTS " + m.table() + " (" + COLUMNS.get(m) + ", ts TIMESTAMP)"
                + " TIMESTAMP(ts) PARTITION BY DAY TTL " + ttlDays + " DAYS WAL"
                + " DEDUP UPSERT KEYS(ts, " + String.join(", ", m.tags()) + ")";
    }

    private static boolean isEvent(Measurement m) {
        return m == Measurement.GUIDANCE_ISSUED || m == Measurement.SIGN_DISPLAY;
    }
}
