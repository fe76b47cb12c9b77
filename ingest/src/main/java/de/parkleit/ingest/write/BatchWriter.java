package de.parkleit.ingest.write;

import de.parkleit.core.reading.Reading;
import de.parkleit.platform.store.TimeSeriesStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes readings to the store in batches on a worker pool, group-commit style: while one batch is
 * being written, new readings queue up and go out together as the next batch. Each submission's
 * {@code onDurable} runs (on the owning context) once its readings are stored. A failed write is
 * retried with backoff; nothing is dropped. Owned by one context: call only from it.
 */
public final class BatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);
    private static final long MIN_BACKOFF_MS = 200;
    private static final long MAX_BACKOFF_MS = 5_000;

    /** One message's readings and what to do once they are durable. */
    private record Pending(List<Reading> readings, Runnable onDurable) {
    }

    private final Context context;
    private final WorkerExecutor worker;
    private final TimeSeriesStore store;
    private final int maxBatch;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final Counter stored;
    private final Counter failures;
    private final Timer writeTimer;
    private int queuedReadings;
    private boolean writing;
    private boolean closed;
    private long backoffMs;
    private volatile boolean lastWriteFailed;
    private Promise<Void> drained;

    public BatchWriter(Context context, WorkerExecutor worker, TimeSeriesStore store, int maxBatch, MeterRegistry registry) {
        this.context = context;
        this.worker = worker;
        this.store = store;
        this.maxBatch = maxBatch;
        this.stored = Counter.builder("parkleit.ingest.stored").description("readings written to the store").register(registry);
        this.failures = Counter.builder("parkleit.ingest.store.failures").description("failed store writes").register(registry);
        this.writeTimer = Timer.builder("parkleit.ingest.store.write").description("store batch write time").register(registry);
    }

    /** Queues readings; {@code onDurable} runs on the context once they are stored. */
    public void submit(List<Reading> readings, Runnable onDurable) {
        if (readings.isEmpty()) {
            onDurable.run();
            return;
        }
        queue.addLast(new Pending(readings, onDurable));
        queuedReadings += readings.size();
        if (!writing) {
            flush();
        }
    }

    /** Readings waiting or being written. */
    public int pending() {
        return queuedReadings;
    }

    public boolean lastWriteFailed() {
        return lastWriteFailed;
    }

    /** Completes when everything queued so far is written, or stops retrying and completes after {@code timeoutMs}. */
    public Future<Void> close(long timeoutMs) {
        if (queue.isEmpty() && !writing) {
            closed = true;
            return Future.succeededFuture();
        }
        drained = Promise.promise();
        Vertx vertx = context.owner();
        long timer = vertx.setTimer(timeoutMs, t -> {
            closed = true;
            drained.tryComplete();
        });
        return drained.future().onComplete(ar -> vertx.cancelTimer(timer));
    }

    private void flush() {
        if (queue.isEmpty() || closed) {
            if (drained != null && queue.isEmpty()) {
                drained.tryComplete();
            }
            return;
        }
        List<Pending> batch = new ArrayList<>();
        List<Reading> readings = new ArrayList<>();
        while (!queue.isEmpty() && (readings.isEmpty() || readings.size() + queue.peekFirst().readings().size() <= maxBatch)) {
            Pending p = queue.pollFirst();
            batch.add(p);
            readings.addAll(p.readings());
        }
        writing = true;
        long start = System.nanoTime();
        worker.<Void>executeBlocking(() -> {
            store.write(readings);
            return null;
        }, false).onComplete(ar -> context.runOnContext(v -> {
            writing = false;
            writeTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (ar.succeeded()) {
                written(batch, readings.size());
            } else {
                failed(batch, readings.size(), ar.cause());
            }
        }));
    }

    private void written(List<Pending> batch, int n) {
        lastWriteFailed = false;
        backoffMs = 0;
        queuedReadings -= n;
        stored.increment(n);
        for (Pending p : batch) {
            p.onDurable().run();
        }
        flush();
    }

    private void failed(List<Pending> batch, int n, Throwable cause) {
        failures.increment();
        if (!lastWriteFailed) {
            LOG.warn("store {} did not take {} readings, retrying: {}", store.name(), n, cause.toString());
        }
        lastWriteFailed = true;
        for (int i = batch.size() - 1; i >= 0; i--) {
            queue.addFirst(batch.get(i));
        }
        backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(MIN_BACKOFF_MS, backoffMs * 2));
        writing = true;
        context.owner().setTimer(backoffMs, t -> {
            writing = false;
            flush();
        });
    }
}
