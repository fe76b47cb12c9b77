package de.parkleit.platform.store.questdb;

import de.parkleit.platform.store.Measurement;
import java.time.Instant;
import java.util.Collection;

/**
 * The 5-minute aggregate tables and how each is computed from its raw table. They keep sums and
 * counts (not means) so that coarser steps re-aggregate exactly.
 */
enum QuestDbAggregate {
    OCCUPANCY(Measurement.PARKING_OCCUPANCY, "parking_occupancy_5m", "facility",
            "min_free INT, max_free INT, sum_free LONG, samples LONG",
            "min_free, max_free, sum_free, samples",
            "min(free), max(free), sum(free), count()", "iiii"),
    TRAFFIC(Measurement.TRAFFIC, "traffic_5m", "detector",
            "vehicles LONG, speed_sum DOUBLE, speed_n LONG, occ_sum DOUBLE, occ_n LONG, samples LONG",
            "vehicles, speed_sum, speed_n, occ_sum, occ_n, samples",
            "sum(count), sum(speed_kmh), count(speed_kmh), sum(occupancy_pct), count(occupancy_pct), count()", "ididii");

    private final Measurement raw;
    private final String table;
    private final String id;
    private final String columnTypes;
    private final String columns;
    private final String aggregates;
    private final String lineTypes;

    QuestDbAggregate(Measurement raw, String table, String id, String columnTypes, String columns, String aggregates,
                     String lineTypes) {
        this.raw = raw;
        this.table = table;
        this.id = id;
        this.columnTypes = columnTypes;
        this.columns = columns;
        this.aggregates = aggregates;
        this.lineTypes = lineTypes;
    }

    Measurement raw() {
        return raw;
    }

    String table() {
        return table;
    }

    String create(long ttlMonths) {
        return "CREATE TABLE IF NOT EXISTS " + table + " (" + id + " SYMBOL, " + columnTypes + ", ts TIMESTAMP)"
                + " TIMESTAMP(ts) PARTITION BY MONTH TTL " + ttlMonths + " MONTHS WAL DEDUP UPSERT KEYS(ts, " + id + ")";
    }

    /**
     * Recomputes the 5-minute buckets in [from, to) (aligned to 5 minutes) from the raw rows there,
     * replacing existing buckets; {@code ids} null means all series.
     */
    String insert(Collection<String> ids, Instant from, Instant to) {
        return "INSERT INTO " + table + " (ts, " + id + ", " + columns + ") " + select(ids, from, to);
    }

    /** The 5-minute aggregates of the raw rows in [from, to): ts, id, then the aggregate columns. */
    String select(Collection<String> ids, Instant from, Instant to) {
        String filter = ids == null ? "" : id + " IN " + QuestDbSql.inList(ids) + " AND ";
        return "SELECT ts, " + id + ", " + aggregates + " FROM " + raw.table() + " WHERE " + filter
                + QuestDbSql.range(from, to) + " SAMPLE BY 5m ALIGN TO CALENDAR";
    }

    /** The keys (ts, id) of stored aggregates in [from, to). */
    String keys(Collection<String> ids, Instant from, Instant to) {
        String filter = ids == null ? "" : id + " IN " + QuestDbSql.inList(ids) + " AND ";
        return "SELECT ts, " + id + " FROM " + table + " WHERE " + filter + QuestDbSql.range(from, to);
    }

    /** A row of {@link #select} as a line of line protocol for this table (null values left out). */
    void appendLine(StringBuilder sb, Object[] row) {
        sb.append(table).append(',').append(id).append('=').append(de.parkleit.core.Ids.require((String) row[1], id));
        String[] names = columns.split(", ");
        char sep = ' ';
        for (int i = 0; i < names.length; i++) {
            Object v = row[i + 2];
            if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
                sb.append(sep).append(names[i]).append('=');
                if (lineTypes.charAt(i) == 'i') {
                    sb.append(n.longValue()).append('i');
                } else {
                    sb.append(n.doubleValue());
                }
                sep = ',';
            }
        }
        de.parkleit.platform.store.LineProtocol.timestamp(sb, QuestDbSql.instant((String) row[0]));
    }
}
