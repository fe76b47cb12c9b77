package de.parkleit.platform.store.questdb;

import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.reading.TrafficReading;
import de.parkleit.platform.store.HistoryWindow;
import de.parkleit.platform.store.Measurement;
import de.parkleit.platform.store.StoreOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The downsampling and retention job of the QuestDB store.
 *
 * <ul>
 *   <li>After every write the 5-minute buckets it touched are recomputed from the raw rows
 *       ({@code INSERT ... SELECT ... SAMPLE BY 5m} into a DEDUP table, so recomputing replaces),
 *       queued and coalesced by {@link QuestDbAggregationQueue}. Aggregation is serialized in this
 *       process, so concurrent writes to one bucket cannot overwrite each other's result.</li>
 *   <li>Every {@link #PERIOD} (and at start) the last hour is recomputed (heals writes of other
 *       processes sharing the QuestDB) and raw retention is enforced: raw days older than the raw
 *       retention are aggregated once more and then dropped ({@code DROP PARTITION}); the day
 *       boundary is remembered in {@code parkleit_retention}.</li>
 *   <li>Readings older than that boundary are stored raw until the next run drops them again. Their
 *       raw neighbours may be gone, so recomputing could replace a complete bucket by a partial
 *       one: a bucket that has an aggregate keeps it (a late reading or a replay changes nothing),
 *       a bucket without one gets it from the rows at hand (a backfill of old history, whose
 *       readings of one bucket come in one write).</li>
 * </ul>
 */
final class QuestDbDownsampler {

    static final Duration PERIOD = Duration.ofMinutes(10);
    static final String RETENTION_TABLE = "parkleit_retention";
    private static final Logger LOG = LoggerFactory.getLogger(QuestDbDownsampler.class);
    private static final Duration BUCKET = HistoryWindow.AGGREGATE_STEP;
    private static final int MAX_RANGES = 20;

    private final QuestDbHttp sql;
    private final StoreOptions options;
    private final Clock clock;
    private final Object lock = new Object();
    private final Map<String, Instant> droppedBefore = new ConcurrentHashMap<>();
    private final Consumer<CharSequence> lines;

    /** @param lines writes line protocol to the store (for aggregates of old buckets) */
    QuestDbDownsampler(QuestDbHttp sql, StoreOptions options, Clock clock, Consumer<CharSequence> lines) {
        this.sql = sql;
        this.options = options;
        this.clock = clock;
        this.lines = lines;
    }

    static String createRetentionTable() {
        return "CREATE TABLE IF NOT EXISTS " + RETENTION_TABLE + " (table_name SYMBOL, dropped_before TIMESTAMP, ts TIMESTAMP)"
                + " TIMESTAMP(ts) PARTITION BY YEAR WAL DEDUP UPSERT KEYS(ts, table_name)";
    }

    /** Reads the remembered retention boundaries. */
    void load() {
        sql.awaitVisible(RETENTION_TABLE, options.visibilityTimeout());
        for (Object[] r : sql.query("SELECT table_name, max(dropped_before) FROM " + RETENTION_TABLE)) {
            if (r[0] != null && r[1] != null) {
                droppedBefore.put((String) r[0], QuestDbSql.instant((String) r[1]));
            }
        }
    }

    /** The 5-minute buckets (epoch seconds) and series ids {@code readings} touch, per aggregate. */
    static Map<QuestDbAggregate, Touched> touched(Collection<? extends Reading> readings) {
        Map<QuestDbAggregate, Touched> out = new EnumMap<>(QuestDbAggregate.class);
        for (Reading r : readings) {
            QuestDbAggregate a = r instanceof OccupancyReading ? QuestDbAggregate.OCCUPANCY
                    : r instanceof TrafficReading ? QuestDbAggregate.TRAFFIC : null;
            if (a != null) {
                Touched t = out.computeIfAbsent(a, k -> new Touched(new TreeSet<>(), new HashSet<>()));
                t.buckets().add(HistoryWindow.floor(r.ts(), BUCKET).getEpochSecond());
                t.ids().add(r.seriesId());
            }
        }
        return out;
    }

    /** Recomputes touched buckets: exactly from raw at or after the retention boundary, missing ones before it. */
    void aggregate(Map<QuestDbAggregate, Touched> touched) {
        synchronized (lock) {
            touched.forEach((a, t) -> {
                Set<String> some = t.ids().size() > 100 ? null : t.ids();
                Instant mark = watermark(a.raw());
                aggregate(a, some, ranges(t.buckets().tailSet(mark.getEpochSecond(), true)));
                for (Span old : ranges(t.buckets().headSet(mark.getEpochSecond(), false))) {
                    fillMissing(a, some, old);
                }
            });
        }
    }

    /** Buckets and series touched by writes. */
    record Touched(TreeSet<Long> buckets, Set<String> ids) {
        void addAll(Touched other) {
            buckets.addAll(other.buckets());
            ids.addAll(other.ids());
        }
    }

    /** One run of the periodic job: recompute the last hour, then enforce raw retention. */
    void run() {
        Instant now = clock.instant();
        synchronized (lock) {
            for (QuestDbAggregate a : QuestDbAggregate.values()) {
                Instant from = HistoryWindow.floor(now.minus(Duration.ofHours(1)), BUCKET);
                aggregate(a, null, List.of(new Span(max(from, watermark(a.raw())), HistoryWindow.ceil(now, BUCKET))));
            }
            Instant horizon = HistoryWindow.floor(now.minus(options.rawRetention()), Duration.ofDays(1));
            for (Measurement m : List.of(Measurement.PARKING_OCCUPANCY, Measurement.PARKING_COUNTS,
                    Measurement.SPACE_OCCUPANCY, Measurement.TRAFFIC)) {
                dropOldRaw(m, horizon);
            }
        }
    }

    /** Aggregates everything still raw (first start with empty aggregate tables). */
    void catchUp(QuestDbAggregate a) {
        synchronized (lock) {
            sql.awaitVisible(a.raw().table(), options.visibilityTimeout());
            List<Object[]> r = sql.query("SELECT min(ts), max(ts) FROM " + a.raw().table());
            if (r.isEmpty() || r.get(0)[0] == null) {
                return;
            }
            Instant from = max(HistoryWindow.floor(QuestDbSql.instant((String) r.get(0)[0]), BUCKET), watermark(a.raw()));
            Instant to = HistoryWindow.floor(QuestDbSql.instant((String) r.get(0)[1]), BUCKET).plus(BUCKET);
            aggregate(a, null, List.of(new Span(from, to)));
            LOG.info("aggregated existing {} rows since {} into {}", a.raw().table(), from, a.table());
        }
    }

    private void dropOldRaw(Measurement m, Instant horizon) {
        Instant oldest = oldest(m);
        if (oldest == null || !oldest.isBefore(horizon)) {
            return;
        }
        for (QuestDbAggregate a : QuestDbAggregate.values()) {
            if (a.raw() == m) {
                Instant first = HistoryWindow.floor(oldest, BUCKET);
                if (first.isBefore(watermark(m))) {
                    fillMissing(a, null, new Span(first, watermark(m)));
                }
                aggregate(a, null, List.of(new Span(max(first, watermark(m)), horizon)));
            }
        }
        sql.exec("ALTER TABLE " + m.table() + " DROP PARTITION WHERE ts < '" + QuestDbSql.timestamp(horizon) + "'");
        Instant mark = max(horizon, watermark(m));
        sql.exec("INSERT INTO " + RETENTION_TABLE + " (ts, table_name, dropped_before) VALUES (0, '" + m.table() + "', '"
                + QuestDbSql.timestamp(mark) + "')");
        droppedBefore.put(m.table(), mark);
        LOG.info("dropped raw {} rows before {} (raw retention {} days)", m.table(), horizon, options.rawRetention().toDays());
    }

    private Instant oldest(Measurement m) {
        sql.awaitVisible(m.table(), options.visibilityTimeout());
        List<Object[]> r = sql.query("SELECT min(ts) FROM " + m.table());
        return r.isEmpty() || r.get(0)[0] == null ? null : QuestDbSql.instant((String) r.get(0)[0]);
    }

    private void aggregate(QuestDbAggregate a, Collection<String> ids, List<Span> ranges) {
        List<Span> todo = ranges.stream().filter(r -> r.from().isBefore(r.to())).toList();
        if (todo.isEmpty()) {
            return;
        }
        sql.awaitVisible(a.raw().table(), options.visibilityTimeout());
        for (Span r : todo) {
            sql.exec(a.insert(ids, r.from(), r.to()));
        }
    }

    private Instant watermark(Measurement m) {
        return droppedBefore.getOrDefault(m.table(), Instant.EPOCH);
    }

    /**
     * Buckets older than the retention boundary: their raw neighbours may be gone, so an existing
     * aggregate is kept (a replay or a late reading changes nothing) and only missing buckets are
     * computed from the raw rows at hand (a backfill of old history).
     */
    private void fillMissing(QuestDbAggregate a, Collection<String> ids, Span span) {
        sql.awaitVisible(a.raw().table(), options.visibilityTimeout());
        sql.awaitVisible(a.table(), options.visibilityTimeout());
        Set<String> existing = new HashSet<>();
        for (Object[] k : sql.query(a.keys(ids, span.from(), span.to()))) {
            existing.add(k[0] + "|" + k[1]);
        }
        StringBuilder sb = new StringBuilder();
        for (Object[] row : sql.query(a.select(ids, span.from(), span.to()))) {
            if (!existing.contains(row[0] + "|" + row[1])) {
                a.appendLine(sb, row);
            }
        }
        if (sb.length() > 0) {
            lines.accept(sb);
        }
    }

    /** Contiguous [from, to) ranges of the given 5-minute bucket starts. */
    static List<Span> ranges(SortedSet<Long> bucketStarts) {
        long step = BUCKET.toSeconds();
        List<Span> out = new ArrayList<>();
        long from = -1;
        long to = -1;
        for (long b : bucketStarts) {
            if (b != to) {
                if (from >= 0) {
                    out.add(new Span(Instant.ofEpochSecond(from), Instant.ofEpochSecond(to)));
                }
                from = b;
            }
            to = b + step;
        }
        if (from >= 0) {
            out.add(new Span(Instant.ofEpochSecond(from), Instant.ofEpochSecond(to)));
        }
        if (out.size() > MAX_RANGES) {
            return List.of(new Span(out.get(0).from(), out.get(out.size() - 1).to()));
        }
        return out;
    }

    /** A time range [from, to). */
    record Span(Instant from, Instant to) {
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
