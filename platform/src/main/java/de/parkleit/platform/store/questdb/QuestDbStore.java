package de.parkleit.platform.store.questdb;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.exceptions.InfluxException;
import de.parkleit.core.Ids;
import de.parkleit.core.reading.Reading;
import de.parkleit.platform.store.LineProtocol;
import de.parkleit.platform.store.Measurement;
import de.parkleit.platform.store.OccupancyBucket;
import de.parkleit.platform.store.StoreOptions;
import de.parkleit.platform.store.StoreRejectedException;
import de.parkleit.platform.store.StoreUnavailableException;
import de.parkleit.platform.store.TimeSeriesStore;
import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TimeSeriesStore} on QuestDB: writes InfluxDB line protocol through influxdb-client-java's
 * {@link WriteApiBlocking} in batches of {@link StoreOptions#batchSize()} points (each batch one HTTP
 * request, committed as one transaction or rejected whole; nothing is buffered, so nothing is dropped
 * silently), reads with SQL over HTTP after waiting for the WAL to apply (see {@link QuestDbHttp}).
 * Thread-safe; methods block.
 */
public final class QuestDbStore implements TimeSeriesStore {

    private static final Logger LOG = LoggerFactory.getLogger(QuestDbStore.class);
    private static final String UNUSED = "parkleit"; // QuestDB ignores org and bucket

    private final InfluxDBClient client;
    private final WriteApiBlocking writes;
    private final QuestDbHttp sql;
    private final StoreOptions options;
    private final AutoCloseable owned;
    private final String name;

    private QuestDbStore(InfluxDBClient client, QuestDbHttp sql, StoreOptions options, AutoCloseable owned, String name) {
        this.client = client;
        this.writes = client.getWriteApiBlocking();
        this.sql = sql;
        this.options = options;
        this.owned = owned;
        this.name = name;
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
        try {
            for (String ddl : QuestDbSchema.createStatements()) {
                sql.exec(ddl);
            }
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        LOG.info("QuestDB store ready at {} (batch size {})", httpUrl, options.batchSize());
        return new QuestDbStore(client, sql, options, owned, name);
    }

    @Override
    public void write(Collection<? extends Reading> readings) {
        if (readings.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(Math.min(readings.size(), options.batchSize()) * 64);
        int n = 0;
        for (Reading r : readings) {
            LineProtocol.append(sb, r);
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
        Ids.require(facilityId, "facility id");
        String q = "SELECT ts, avg(free), min(free), max(free), count() FROM parking_occupancy"
                + " WHERE facility = " + QuestDbSql.literal(facilityId) + " AND " + QuestDbSql.range(from, to)
                + " SAMPLE BY " + QuestDbSql.step(step) + " ALIGN TO CALENDAR ORDER BY ts";
        sql.awaitVisible(Measurement.PARKING_OCCUPANCY.table(), options.visibilityTimeout());
        List<OccupancyBucket> out = new ArrayList<>();
        for (JsonArray row : sql.query(q)) {
            out.add(new OccupancyBucket(Instant.parse(row.getString(0)), row.getDouble(1),
                    row.getInteger(2), row.getInteger(3), row.getLong(4)));
        }
        return out;
    }

    @Override
    public long countOccupancy(String facilityId, Instant from, Instant to) {
        Ids.require(facilityId, "facility id");
        String q = "SELECT count() FROM parking_occupancy WHERE facility = " + QuestDbSql.literal(facilityId)
                + " AND " + QuestDbSql.range(from, to);
        sql.awaitVisible(Measurement.PARKING_OCCUPANCY.table(), options.visibilityTimeout());
        List<JsonArray> rows = sql.query(q);
        return rows.isEmpty() ? 0 : rows.get(0).getLong(0);
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
        client.close();
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", name, e.toString());
            }
        }
    }
}
