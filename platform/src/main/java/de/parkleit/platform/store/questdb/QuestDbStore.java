package de.parkleit.platform.store.questdb;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.exceptions.InfluxException;
import de.parkleit.core.Ids;
import de.parkleit.core.reading.Reading;
import de.parkleit.platform.store.HistoryWindow;
import de.parkleit.platform.store.HourlyCount;
import de.parkleit.platform.store.LineProtocol;
import de.parkleit.platform.store.Measurement;
import de.parkleit.platform.store.OccupancyBucket;
import de.parkleit.platform.store.StoreEvent;
import de.parkleit.platform.store.StoreOptions;
import de.parkleit.platform.store.StoreRejectedException;
import de.parkleit.platform.store.StoreUnavailableException;
import de.parkleit.platform.store.TimeSeriesStore;
import de.parkleit.platform.store.TrafficBucket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TimeSeriesStore} on QuestDB: writes InfluxDB line protocol through influxdb-client-java's
 * {@link WriteApiBlocking} in batches of {@link StoreOptions#batchSize()} points (each batch one HTTP
 * request, committed as one transaction or rejected whole; nothing is buffered, so nothing is dropped
 * silently), then queues the 5-minute buckets it touched for recomputation
 * ({@link QuestDbAggregationQueue}, {@link QuestDbDownsampler}, which also runs the retention job on
 * a daemon thread), reads with SQL over HTTP after waiting for the WAL to apply and, for aggregates,
 * for the queue (see {@link QuestDbHttp}). Thread-safe; methods block.
 */
public final class QuestDbStore implements TimeSeriesStore {

    private static final Logger LOG = LoggerFactory.getLogger(QuestDbStore.class);
    private static final String UNUSED = "parkleit"; // QuestDB ignores org and bucket

    private final InfluxDBClient client;
    private final WriteApiBlocking writes;
    private final QuestDbHttp sql;
    private final QuestDbHistory history;
    private final QuestDbDownsampler downsampler;
    private final QuestDbAggregationQueue aggregation;
    private final ScheduledExecutorService job;
    private final StoreOptions options;
    private final AutoCloseable owned;
    private final String name;

    private QuestDbStore(InfluxDBClient client, QuestDbHttp sql, QuestDbDownsampler downsampler, StoreOptions options,
                         AutoCloseable owned, String name) {
        this.client = client;
        this.writes = client.getWriteApiBlocking();
        this.sql = sql;
        this.downsampler = downsampler;
        this.aggregation = new QuestDbAggregationQueue(downsampler);
        this.history = new QuestDbHistory(sql, options.visibilityTimeout(), aggregation);
        this.options = options;
        this.owned = owned;
        this.name = name;
        this.job = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parkleit-store-downsampling");
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects to a running QuestDB at {@code httpUrl} and creates the tables if missing. */
    public static QuestDbStore open(String httpUrl, StoreOptions options) {
        return open(httpUrl, options, null, "questdb");
    }

    /** Opens the store on an embedded QuestDB; closing the store also stops {@code db}. */
    public static QuestDbStore openOwning(EmbeddedQuestDb db, StoreOptions options) {
        return open(db.httpUrl(), options, db, "questdb-embedded");
    }

    private static QuestDbStore open(String httpUrl, StoreOptions options, AutoCloseable owned, String name) {
        Objects.requireNonNull(httpUrl, "httpUrl");
        Objects.requireNonNull(options, "options");
        long t = options.requestTimeout().toMillis();
        OkHttpClient.Builder ok = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofMillis(t)).readTimeout(Duration.ofMillis(t)).writeTimeout(Duration.ofMillis(t));
        InfluxDBClient client = InfluxDBClientFactory.create(InfluxDBClientOptions.builder()
                .url(httpUrl).org(UNUSED).bucket(UNUSED).okHttpClient(ok).build());
        QuestDbHttp sql = new QuestDbHttp(httpUrl, options.requestTimeout());
        WriteApiBlocking writer = client.getWriteApiBlocking();
        QuestDbDownsampler downsampler = new QuestDbDownsampler(sql, options, Clock.systemUTC(), lines -> send(writer, lines));
        List<QuestDbAggregate> fresh;
        try {
            fresh = createSchema(sql, options);
            downsampler.load();
        } catch (RuntimeException e) {
            client.close();
            closeQuietly(owned, name);
            throw e;
        }
        QuestDbStore store = new QuestDbStore(client, sql, downsampler, options, owned, name);
        store.startJob(fresh);
        LOG.info("QuestDB store ready at {} (batch size {})", httpUrl, options.batchSize());
        return store;
    }

    /** Creates missing tables, replaces materialized views of earlier versions; returns the aggregate tables that are new. */
    private static List<QuestDbAggregate> createSchema(QuestDbHttp sql, StoreOptions options) {
        Set<String> tables = new HashSet<>();
        sql.query("SELECT table_name FROM tables()").forEach(r -> tables.add((String) r[0]));
        for (Object[] v : sql.query("SELECT view_name FROM materialized_views()")) {
            sql.exec("DROP MATERIALIZED VIEW IF EXISTS " + QuestDbSql.literal((String) v[0]).replace("'", ""));
            tables.remove((String) v[0]);
        }
        for (String ddl : QuestDbSchema.statements(options)) {
            sql.exec(ddl);
        }
        return java.util.Arrays.stream(QuestDbAggregate.values()).filter(a -> !tables.contains(a.table())).toList();
    }

    private void startJob(List<QuestDbAggregate> fresh) {
        job.execute(() -> safely(() -> fresh.forEach(downsampler::catchUp)));
        long period = QuestDbDownsampler.PERIOD.toSeconds();
        job.scheduleWithFixedDelay(() -> safely(downsampler::run), 0, period, TimeUnit.SECONDS);
    }

    private void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("store downsampling/retention run failed, retrying in {}: {}", QuestDbDownsampler.PERIOD, e.toString());
        }
    }

    /** Runs the downsampling and retention job now (tests, operations). */
    void runJobNow() {
        downsampler.run();
    }

    @Override
    public void write(Collection<? extends Reading> readings) {
        writeLines(readings, LineProtocol::append);
        aggregation.enqueue(readings);
    }

    @Override
    public void writeEvents(Collection<? extends StoreEvent> events) {
        writeLines(events, LineProtocol::append);
    }

    private <T> void writeLines(Collection<? extends T> items, BiConsumer<StringBuilder, T> encoder) {
        if (items.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(Math.min(items.size(), options.batchSize()) * 64);
        int n = 0;
        for (T item : items) {
            encoder.accept(sb, item);
            if (++n == options.batchSize()) {
                send(sb);
                sb.setLength(0);
                n = 0;
            }
        }
        if (n > 0) {
            send(sb);
        }
    }

    /** Sends one batch of complete lines; the caller's batch is not split further. */
    void send(CharSequence lines) {
        send(writes, lines);
    }

    private static void send(WriteApiBlocking writes, CharSequence lines) {
        try {
            writes.writeRecord(UNUSED, UNUSED, WritePrecision.US, lines.toString());
        } catch (InfluxException e) {
            int status = e.status();
            String msg = "QuestDB write failed (HTTP " + status + "): " + e.getMessage();
            if (status >= 400 && status < 500) {
                throw new StoreRejectedException(msg, e);
            }
            throw new StoreUnavailableException(msg, e);
        }
    }

    @Override
    public List<OccupancyBucket> occupancyHistory(String facilityId, Instant from, Instant to, Duration step) {
        return history.occupancy(List.of(facilityId), new HistoryWindow(from, to, step)).get(facilityId);
    }

    @Override
    public Map<String, List<OccupancyBucket>> occupancyHistory(Collection<String> facilityIds, HistoryWindow window) {
        return history.occupancy(facilityIds, window);
    }

    @Override
    public Map<String, List<TrafficBucket>> trafficHistory(Collection<String> detectorIds, HistoryWindow window) {
        return history.traffic(detectorIds, window);
    }

    @Override
    public List<HourlyCount> guidanceIssuedPerHour(Instant from, Instant to) {
        return history.perHour(Measurement.GUIDANCE_ISSUED, from, to);
    }

    @Override
    public List<HourlyCount> signChangesPerHour(Instant from, Instant to) {
        return history.perHour(Measurement.SIGN_DISPLAY, from, to);
    }

    @Override
    public long countOccupancy(String facilityId, Instant from, Instant to) {
        Ids.require(facilityId, "facility id");
        return history.countOccupancy(facilityId, from, to);
    }

    @Override
    public boolean isHealthy() {
        return sql.ping();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        job.shutdownNow();
        aggregation.close();
        client.close();
        closeQuietly(owned, name);
    }

    private static void closeQuietly(AutoCloseable owned, String name) {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", name, e.toString());
            }
        }
    }
}
