package de.parkleit.platform.store.influx;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.exceptions.InfluxException;
import com.influxdb.query.FluxRecord;
import com.influxdb.query.FluxTable;
import de.parkleit.core.Ids;
import de.parkleit.core.reading.Reading;
import de.parkleit.platform.store.HistoryQueries;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TimeSeriesStore} on InfluxDB 2.x: the same line protocol as QuestDB through
 * {@link WriteApiBlocking} (batches of {@link StoreOptions#batchSize()}, nothing buffered, so
 * nothing dropped silently; the same series and timestamp overwrite, so replays are idempotent),
 * history read with Flux ({@link FluxQueries}). Steps that are multiples of 5 minutes read buckets
 * older than the raw retention from the aggregate bucket, newer ones from raw data, so recent
 * writes are visible at once. Thread-safe; methods block.
 */
public final class InfluxDbStore implements TimeSeriesStore {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxDbStore.class);

    private final InfluxDBClient client;
    private final WriteApiBlocking writes;
    private final InfluxConfig config;
    private final StoreOptions options;
    private final FluxQueries flux;
    private final InfluxResults results;
    private final Clock clock;

    private InfluxDbStore(InfluxDBClient client, InfluxConfig config, StoreOptions options, Clock clock) {
        this.client = client;
        this.writes = client.getWriteApiBlocking();
        this.config = config;
        this.options = options;
        this.flux = new FluxQueries(config.bucket(), config.aggregateBucket());
        this.results = new InfluxResults();
        this.clock = clock;
    }

    /** Connects, checks the server answers, and creates missing buckets and the downsampling task if allowed. */
    public static InfluxDbStore open(InfluxConfig config, StoreOptions options) {
        return open(config, options, Clock.systemUTC());
    }

    static InfluxDbStore open(InfluxConfig config, StoreOptions options, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(options, "options");
        Duration t = options.requestTimeout();
        OkHttpClient.Builder ok = new OkHttpClient.Builder().connectTimeout(t).readTimeout(t).writeTimeout(t);
        InfluxDBClient client = InfluxDBClientFactory.create(InfluxDBClientOptions.builder().url(config.url())
                .authenticateToken(config.token().toCharArray()).org(config.org()).bucket(config.bucket())
                .okHttpClient(ok).build());
        if (!Boolean.TRUE.equals(client.ping())) {
            client.close();
            throw new StoreUnavailableException("InfluxDB at " + config.url() + " does not answer (PARKLEIT_INFLUX_URL)", null);
        }
        InfluxSetup.ensure(client, config, options);
        LOG.info("InfluxDB store ready: {}", config);
        return new InfluxDbStore(client, config, options, clock);
    }

    @Override
    public void write(Collection<? extends Reading> readings) {
        writeLines(readings, LineProtocol::append);
    }

    @Override
    public void writeEvents(Collection<? extends StoreEvent> events) {
        writeLines(events, LineProtocol::append);
    }

    private <T> void writeLines(Collection<? extends T> items, BiConsumer<StringBuilder, T> encoder) {
        StringBuilder sb = new StringBuilder();
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

    private void send(StringBuilder lines) {
        try {
            writes.writeRecord(config.bucket(), config.org(), WritePrecision.US, lines.toString());
        } catch (InfluxException e) {
            throw failure("write", e);
        }
    }

    @Override
    public List<OccupancyBucket> occupancyHistory(String facilityId, Instant from, Instant to, Duration step) {
        return occupancyHistory(List.of(facilityId), new HistoryWindow(from, to, step)).get(facilityId);
    }

    @Override
    public Map<String, List<OccupancyBucket>> occupancyHistory(Collection<String> facilityIds, HistoryWindow w) {
        Set<String> ids = HistoryQueries.requireSeries(facilityIds, "facility", w);
        Map<String, List<OccupancyBucket>> out = InfluxResults.empty(ids);
        Instant horizon = horizon(w);
        if (w.from().isBefore(horizon)) {
            results.occupancyAggregated(query(flux.occupancyAggregated(ids, w.from(), min(w.to(), horizon), w.step())), out);
        }
        if (w.to().isAfter(horizon)) {
            results.occupancyRaw(query(flux.occupancyRaw(ids, max(w.from(), horizon), w.to(), w.step())), out);
        }
        out.values().forEach(l -> l.sort(Comparator.comparing(OccupancyBucket::start)));
        return out;
    }

    @Override
    public Map<String, List<TrafficBucket>> trafficHistory(Collection<String> detectorIds, HistoryWindow w) {
        Set<String> ids = HistoryQueries.requireSeries(detectorIds, "detector", w);
        Map<String, List<TrafficBucket>> out = InfluxResults.empty(ids);
        Instant horizon = horizon(w);
        if (w.from().isBefore(horizon)) {
            results.trafficAggregated(query(flux.trafficAggregated(ids, w.from(), min(w.to(), horizon), w.step())), out);
        }
        if (w.to().isAfter(horizon)) {
            results.trafficRaw(query(flux.trafficRaw(ids, max(w.from(), horizon), w.to(), w.step())), out);
        }
        out.values().forEach(l -> l.sort(Comparator.comparing(TrafficBucket::start)));
        return out;
    }

    /**
     * Buckets before this instant come from the aggregates: raw data there may already be deleted.
     * One day of slack covers InfluxDB deleting whole shard groups. Steps under 5 minutes read raw only.
     */
    private Instant horizon(HistoryWindow w) {
        return horizon(w, clock.instant(), options.rawRetention());
    }

    static Instant horizon(HistoryWindow w, Instant now, Duration rawRetention) {
        if (!w.fromAggregates()) {
            return w.from();
        }
        return HistoryWindow.ceil(now.minus(rawRetention).plus(Duration.ofDays(1)), w.step());
    }

    @Override
    public List<HourlyCount> guidanceIssuedPerHour(Instant from, Instant to) {
        return perHour(Measurement.GUIDANCE_ISSUED, "probability_free", from, to);
    }

    @Override
    public List<HourlyCount> signChangesPerHour(Instant from, Instant to) {
        return perHour(Measurement.SIGN_DISPLAY, "text", from, to);
    }

    private List<HourlyCount> perHour(Measurement m, String field, Instant from, Instant to) {
        HistoryQueries.requireCountRange(from, to);
        Duration hour = Duration.ofHours(1);
        return results.hourly(query(flux.perHour(m, field, HistoryWindow.floor(from, hour), HistoryWindow.ceil(to, hour))),
                m.tags().get(0));
    }

    @Override
    public long countOccupancy(String facilityId, Instant from, Instant to) {
        Ids.require(facilityId, "facility id");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to, got " + from + " .. " + to);
        }
        List<FluxTable> tables = query(flux.countOccupancy(facilityId, from, to));
        for (FluxTable t : tables) {
            for (FluxRecord r : t.getRecords()) {
                return ((Number) r.getValue()).longValue();
            }
        }
        return 0;
    }

    private List<FluxTable> query(String script) {
        try {
            return client.getQueryApi().query(script, config.org());
        } catch (InfluxException e) {
            throw failure("query", e);
        }
    }

    private RuntimeException failure(String what, InfluxException e) {
        String msg = "InfluxDB " + what + " failed (HTTP " + e.status() + "): " + e.getMessage();
        if (e.status() >= 400 && e.status() < 500 && e.status() != 429) {
            return new StoreRejectedException(msg, e);
        }
        return new StoreUnavailableException(msg, e);
    }

    @Override
    public boolean isHealthy() {
        try {
            return Boolean.TRUE.equals(client.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String name() {
        return "influxdb";
    }

    @Override
    public void close() {
        client.close();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
