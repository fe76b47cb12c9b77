package de.parkleit.platform.store.questdb;

import de.parkleit.platform.store.HistoryQueries;
import de.parkleit.platform.store.HistoryWindow;
import de.parkleit.platform.store.HourlyCount;
import de.parkleit.platform.store.Measurement;
import de.parkleit.platform.store.OccupancyBucket;
import de.parkleit.platform.store.TrafficBucket;
import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The history queries in QuestDB SQL. Steps that are multiples of 5 minutes read the materialized
 * 5-minute views (sums and counts, re-aggregated exactly), finer steps read the raw tables. Every
 * query first waits for the writes acknowledged before it (see {@link QuestDbHttp}).
 */
final class QuestDbHistory {

    private final QuestDbHttp sql;
    private final Duration visibility;

    QuestDbHistory(QuestDbHttp sql, Duration visibility) {
        this.sql = sql;
        this.visibility = visibility;
    }

    Map<String, List<OccupancyBucket>> occupancy(Collection<String> facilityIds, HistoryWindow w) {
        Set<String> ids = HistoryQueries.requireSeries(facilityIds, "facility", w);
        String where = " WHERE facility IN " + QuestDbSql.inList(ids) + " AND " + QuestDbSql.range(w.from(), w.to());
        String q = w.fromAggregates()
                ? "SELECT ts, facility, sum(sum_free) / sum(samples)::double, min(min_free), max(max_free), sum(samples)"
                        + " FROM " + QuestDbSchema.OCCUPANCY_5M + where
                : "SELECT ts, facility, avg(free), min(free), max(free), count() FROM parking_occupancy" + where;
        awaitVisible(Measurement.PARKING_OCCUPANCY, w.fromAggregates() ? QuestDbSchema.OCCUPANCY_5M : null);
        Map<String, List<OccupancyBucket>> out = empty(ids);
        for (JsonArray r : sql.query(q + QuestDbSql.sampleBy(w.step()) + " ORDER BY ts")) {
            out.get(r.getString(1)).add(new OccupancyBucket(Instant.parse(r.getString(0)),
                    r.getDouble(2), r.getInteger(3), r.getInteger(4), r.getLong(5)));
        }
        return out;
    }

    Map<String, List<TrafficBucket>> traffic(Collection<String> detectorIds, HistoryWindow w) {
        Set<String> ids = HistoryQueries.requireSeries(detectorIds, "detector", w);
        String where = " WHERE detector IN " + QuestDbSql.inList(ids) + " AND " + QuestDbSql.range(w.from(), w.to());
        String q = w.fromAggregates()
                ? "SELECT ts, detector, sum(vehicles), sum(speed_sum) / sum(speed_n), sum(occ_sum) / sum(occ_n),"
                        + " sum(samples) FROM " + QuestDbSchema.TRAFFIC_5M + where
                : "SELECT ts, detector, sum(count), avg(speed_kmh), avg(occupancy_pct), count() FROM traffic" + where;
        awaitVisible(Measurement.TRAFFIC, w.fromAggregates() ? QuestDbSchema.TRAFFIC_5M : null);
        Map<String, List<TrafficBucket>> out = empty(ids);
        for (JsonArray r : sql.query(q + QuestDbSql.sampleBy(w.step()) + " ORDER BY ts")) {
            out.get(r.getString(1)).add(new TrafficBucket(Instant.parse(r.getString(0)), r.getLong(2),
                    finite(r.getValue(3)), finite(r.getValue(4)), r.getLong(5)));
        }
        return out;
    }

    List<HourlyCount> perHour(Measurement m, Instant from, Instant to) {
        HistoryQueries.requireCountRange(from, to);
        Duration hour = Duration.ofHours(1);
        String id = m.tags().get(0);
        String q = "SELECT ts, " + id + ", count() FROM " + m.table()
                + " WHERE " + QuestDbSql.range(HistoryWindow.floor(from, hour), HistoryWindow.ceil(to, hour))
                + QuestDbSql.sampleBy(hour) + " ORDER BY ts, " + id;
        awaitVisible(m, null);
        List<HourlyCount> out = new ArrayList<>();
        for (JsonArray r : sql.query(q)) {
            out.add(new HourlyCount(Instant.parse(r.getString(0)), r.getString(1), r.getLong(2)));
        }
        return out;
    }

    long countOccupancy(String facilityId, Instant from, Instant to) {
        String q = "SELECT count() FROM parking_occupancy WHERE facility = " + QuestDbSql.literal(facilityId)
                + " AND " + QuestDbSql.range(from, to);
        awaitVisible(Measurement.PARKING_OCCUPANCY, null);
        List<JsonArray> rows = sql.query(q);
        return rows.isEmpty() ? 0 : rows.get(0).getLong(0);
    }

    private void awaitVisible(Measurement base, String view) {
        long deadline = System.nanoTime() + visibility.toNanos();
        long txn = sql.awaitVisible(base.table(), visibility);
        if (view != null) {
            sql.awaitView(view, txn, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }

    private static <T> Map<String, List<T>> empty(Set<String> ids) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        ids.forEach(id -> out.put(id, new ArrayList<>()));
        return out;
    }

    private static Double finite(Object v) {
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        return null;
    }
}
