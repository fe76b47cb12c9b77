package de.parkleit.platform.store.questdb;

import de.parkleit.platform.store.HistoryQueries;
import de.parkleit.platform.store.HistoryWindow;
import de.parkleit.platform.store.HourlyCount;
import de.parkleit.platform.store.Measurement;
import de.parkleit.platform.store.OccupancyBucket;
import de.parkleit.platform.store.TrafficBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The history queries in QuestDB SQL. Steps that are multiples of 5 minutes read the 5-minute
 * aggregate tables (sums and counts, re-aggregated exactly), finer steps read the raw tables. Every
 * query first waits for the writes acknowledged before it (see {@link QuestDbHttp}).
 */
final class QuestDbHistory {

    private final QuestDbHttp sql;
    private final Duration visibility;
    private final QuestDbAggregationQueue aggregation;

    QuestDbHistory(QuestDbHttp sql, Duration visibility, QuestDbAggregationQueue aggregation) {
        this.sql = sql;
        this.visibility = visibility;
        this.aggregation = aggregation;
    }

    Map<String, List<OccupancyBucket>> occupancy(Collection<String> facilityIds, HistoryWindow w) {
        Set<String> ids = HistoryQueries.requireSeries(facilityIds, "facility", w);
        String where = " WHERE facility IN " + QuestDbSql.inList(ids) + " AND " + QuestDbSql.range(w.from(), w.to());
        String q;
        if (w.step().equals(HistoryWindow.AGGREGATE_STEP)) { // the view's own buckets: no re-aggregation
            q = "SELECT ts, facility, sum_free / samples::double, min_free, max_free, samples FROM "
                    + QuestDbAggregate.OCCUPANCY.table() + where;
        } else if (w.fromAggregates()) {
            q = "SELECT ts, facility, sum(sum_free) / sum(samples)::double, min(min_free), max(max_free), sum(samples)"
                    + " FROM " + QuestDbAggregate.OCCUPANCY.table() + where + QuestDbSql.sampleBy(w.step()) + " ORDER BY ts";
        } else {
            q = "SELECT ts, facility, avg(free), min(free), max(free), count() FROM parking_occupancy" + where
                    + QuestDbSql.sampleBy(w.step()) + " ORDER BY ts";
        }
        awaitVisible(Measurement.PARKING_OCCUPANCY, w.fromAggregates() ? QuestDbAggregate.OCCUPANCY.table() : null);
        Map<String, List<OccupancyBucket>> out = empty(ids);
        for (Object[] r : sql.query(q)) {
            out.get((String) r[1]).add(new OccupancyBucket(QuestDbSql.instant((String) r[0]),
                    num(r[2]), (int) num(r[3]), (int) num(r[4]), (long) num(r[5])));
        }
        return out;
    }

    Map<String, List<TrafficBucket>> traffic(Collection<String> detectorIds, HistoryWindow w) {
        Set<String> ids = HistoryQueries.requireSeries(detectorIds, "detector", w);
        String where = " WHERE detector IN " + QuestDbSql.inList(ids) + " AND " + QuestDbSql.range(w.from(), w.to());
        String q = w.fromAggregates()
                ? "SELECT ts, detector, sum(vehicles), sum(speed_sum) / sum(speed_n), sum(occ_sum) / sum(occ_n),"
                        + " sum(samples) FROM " + QuestDbAggregate.TRAFFIC.table() + where
                : "SELECT ts, detector, sum(count), avg(speed_kmh), avg(occupancy_pct), count() FROM traffic" + where;
        awaitVisible(Measurement.TRAFFIC, w.fromAggregates() ? QuestDbAggregate.TRAFFIC.table() : null);
        Map<String, List<TrafficBucket>> out = empty(ids);
        for (Object[] r : sql.query(q + QuestDbSql.sampleBy(w.step()) + " ORDER BY ts")) {
            out.get((String) r[1]).add(new TrafficBucket(QuestDbSql.instant((String) r[0]), (long) num(r[2]),
                    finite(r[3]), finite(r[4]), (long) num(r[5])));
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
        for (Object[] r : sql.query(q)) {
            out.add(new HourlyCount(QuestDbSql.instant((String) r[0]), (String) r[1], (long) num(r[2])));
        }
        return out;
    }

    long countOccupancy(String facilityId, Instant from, Instant to) {
        String q = "SELECT count() FROM parking_occupancy WHERE facility = " + QuestDbSql.literal(facilityId)
                + " AND " + QuestDbSql.range(from, to);
        awaitVisible(Measurement.PARKING_OCCUPANCY, null);
        List<Object[]> rows = sql.query(q);
        return rows.isEmpty() ? 0 : (long) num(rows.get(0)[0]);
    }

    /** Waits for earlier writes: to the raw table, or through the aggregation queue to the aggregate table. */
    private void awaitVisible(Measurement raw, String aggregate) {
        if (aggregate == null) {
            sql.awaitVisible(raw.table(), visibility);
            return;
        }
        long deadline = System.nanoTime() + visibility.toNanos();
        aggregation.awaitDrained(visibility);
        sql.awaitVisible(aggregate, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    private static <T> Map<String, List<T>> empty(Set<String> ids) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        ids.forEach(id -> out.put(id, new ArrayList<>()));
        return out;
    }

    private static double num(Object v) {
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    private static Double finite(Object v) {
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        return null;
    }
}
