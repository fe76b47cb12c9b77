package de.parkleit.feeds.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What one feed did so far, for {@code /health/ready}'s details: last success, last error, sites in
 * the last payload, readings published, rejects by reason. Written by the poller on its event loop,
 * read by the health endpoint on a worker, hence thread-safe.
 */
public final class FeedHealth {

    private final String format;
    private final String endpoint;
    private volatile Instant lastSuccess;
    private volatile Instant lastError;
    private volatile String lastErrorReason;
    private final AtomicLong sites = new AtomicLong();
    private final AtomicLong readings = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong frozen = new AtomicLong();
    private final Map<String, AtomicLong> rejects = new ConcurrentHashMap<>();
    private final LongSupplier pending;

    FeedHealth(String format, String endpoint, LongSupplier pending) {
        this.format = format;
        this.endpoint = endpoint;
        this.pending = pending;
    }

    void frozen(int count) {
        frozen.addAndGet(count);
    }

    void succeeded(Instant at, int siteCount, int unchangedCount) {
        lastSuccess = at;
        sites.set(siteCount);
        unchanged.addAndGet(unchangedCount);
    }

    void notModified(Instant at) {
        lastSuccess = at;
    }

    void failed(Instant at, String reason) {
        lastError = at;
        lastErrorReason = reason;
    }

    void published() {
        readings.incrementAndGet();
    }

    void rejected(String reason) {
        rejects.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
    }

    public long readings() {
        return readings.get();
    }

    public long sites() {
        return sites.get();
    }

    public Instant lastSuccess() {
        return lastSuccess;
    }

    /** Rejects so far by reason, in reason order. */
    public Map<String, Long> rejects() {
        Map<String, Long> m = new TreeMap<>();
        rejects.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    /** JSON-friendly view; {@code status} is {@code UP} when the last poll succeeded. */
    public Map<String, Object> snapshot() {
        Instant ok = lastSuccess;
        Instant err = lastError;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", err != null && (ok == null || err.isAfter(ok)) ? "DOWN: " + lastErrorReason
                : ok == null ? "no poll yet" : "UP");
        m.put("format", format);
        m.put("source", endpoint);
        m.put("lastSuccess", ok == null ? null : ok.toString());
        m.put("lastError", err == null ? null : err + " (" + lastErrorReason + ")");
        m.put("sites", sites.get());
        m.put("readings", readings.get());
        m.put("unchanged", unchanged.get());
        m.put("frozen", frozen.get());
        m.put("pending", pending.getAsLong());
        m.put("rejects", rejects());
        return m;
    }
}
