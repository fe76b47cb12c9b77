package de.parkleit.ingest.write;

import de.parkleit.core.reading.Reading;
import de.parkleit.ingest.spool.DiskSpool;
import de.parkleit.ingest.spool.SpoolFullException;
import de.parkleit.ingest.spool.SpoolRecordCodec;
import de.parkleit.platform.store.StoreRejectedException;
import de.parkleit.platform.store.TimeSeriesStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes readings durable in batches, group-commit style: while one batch is being written, new
 * readings queue up and go out together as the next one. Each submission's {@code onDurable} runs
 * on the owning context once its readings are in the store or fsynced in the disk spool, never before.
 *
 * <p>Direct mode writes to the store on a worker pool. When the store fails, or the backlog in memory
 * passes {@code maxPending} readings, the writer switches to spool mode: batches are appended to the
 * spool, and a replay loop moves spooled records to the store in order; once the spool is drained
 * the writer returns to direct mode. When the spool itself is full, batches wait unacknowledged.
 * Owned by one context: call only from it.
 */
public final class BatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);
    private static final long MIN_BACKOFF_MS = 250;
    private static final long MAX_BACKOFF_MS = 5_000;
    /** Rough size of one spooled reading, to size replay batches in bytes. */
    private static final int REPLAY_BYTES_PER_READING = 48;

    /** One message's readings, what to do once they are durable, and what if the store refuses them for good. */
    private record Pending(List<Reading> readings, Runnable onDurable, Consumer<String> onRejected) {
    }

    private record Batch(List<Pending> parts, List<Reading> readings) {
    }

    private final Context context;
    private final WorkerExecutor worker;
    private final TimeSeriesStore store;
    private final DiskSpool spool;
    private final int maxBatch;
    private final int maxPending;
    private final WriterMetrics metrics;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private int queuedReadings;
    private boolean writing;
    private boolean spooling;
    private boolean replaying;
    private boolean replayTimerSet;
    private boolean closed;
    private long appendBackoffMs;
    private long replayBackoffMs;
    private volatile boolean storeFailing;
    private volatile boolean spoolFull;
    private Promise<Void> drained;

    /**
     * @param maxBatch   most readings per store write or spool record
     * @param maxPending readings held in memory before the writer spills to the spool
     */
    public BatchWriter(Context context, WorkerExecutor worker, TimeSeriesStore store, DiskSpool spool, int maxBatch,
                       int maxPending, MeterRegistry registry) {
        this.context = context;
        this.worker = worker;
        this.store = store;
        this.spool = spool;
        this.maxBatch = maxBatch;
        this.maxPending = maxPending;
        this.metrics = new WriterMetrics(registry, this, spool);
        this.spooling = !spool.isEmpty();
        if (spooling) {
            LOG.info("spool {} holds {} bytes from before; replaying them first", spool.dir(), spool.pendingBytes());
        }
    }

    /** Starts replaying what an earlier run left in the spool. */
    public void start() {
        if (spooling) {
            replay();
        }
    }

    /**
     * Queues readings; {@code onDurable} runs on the context once they are stored or spooled,
     * {@code onRejected} (with the store's reason) instead if the store refuses them as invalid.
     */
    public void submit(List<Reading> readings, Runnable onDurable, Consumer<String> onRejected) {
        if (readings.isEmpty()) {
            onDurable.run();
            return;
        }
        queue.addLast(new Pending(readings, onDurable, onRejected));
        queuedReadings += readings.size();
        if (!spooling && queuedReadings > maxPending) {
            LOG.warn("{} readings waiting for the store; spilling to the spool", queuedReadings);
            enterSpoolMode();
        }
        flush();
    }

    /** Readings in memory, waiting or being written. */
    public int pending() {
        return queuedReadings;
    }

    public boolean storeFailing() {
        return storeFailing;
    }

    public boolean spoolFull() {
        return spoolFull;
    }

    public boolean spooling() {
        return spooling;
    }

    /** Completes once everything queued is durable and the spool is replayed, or after {@code timeoutMs}. */
    public Future<Void> close(long timeoutMs) {
        drained = Promise.promise();
        long timer = context.owner().setTimer(timeoutMs, t -> drained.tryComplete());
        checkDrained();
        return drained.future().onComplete(ar -> {
            closed = true;
            context.owner().cancelTimer(timer);
        });
    }

    private void checkDrained() {
        if (drained != null && queue.isEmpty() && !writing && (!spooling || storeFailing) && !replaying) {
            drained.tryComplete();
        }
    }

    private void flush() {
        if (writing || queue.isEmpty() || closed) {
            checkDrained();
            return;
        }
        Batch batch = take();
        writing = true;
        if (spooling) {
            append(batch);
        } else {
            long start = System.nanoTime();
            worker.<Void>executeBlocking(() -> {
                store.write(batch.readings());
                return null;
            }, false).onComplete(ar -> context.runOnContext(v -> {
                metrics.storeWrite(System.nanoTime() - start);
                if (ar.succeeded()) {
                    storeOk();
                    metrics.stored(batch.readings().size());
                    done(batch);
                } else if (ar.cause() instanceof StoreRejectedException && batch.parts().size() > 1) {
                    isolate(batch);
                } else if (ar.cause() instanceof StoreRejectedException) {
                    rejected(batch.parts().get(0), ar.cause());
                    done(new Batch(List.of(), batch.readings()));
                } else {
                    storeFailed(ar.cause(), batch.readings().size());
                    enterSpoolMode();
                    append(batch);
                }
            }));
        }
    }

    /** The store refused a batch as invalid: writes its messages one by one to find the ones it refuses. */
    private void isolate(Batch batch) {
        List<Pending> parts = batch.parts();
        worker.executeBlocking(() -> {
            List<Throwable> outcome = new ArrayList<>();
            for (Pending p : parts) {
                try {
                    store.write(p.readings());
                    outcome.add(null);
                } catch (StoreRejectedException e) {
                    outcome.add(e);
                } catch (RuntimeException e) {
                    break;
                }
            }
            return outcome;
        }, false).onComplete(ar -> context.runOnContext(v -> {
            List<Throwable> outcome = ar.succeeded() ? ar.result() : List.of();
            List<Pending> rest = new ArrayList<>();
            List<Reading> restReadings = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                Pending p = parts.get(i);
                if (i >= outcome.size()) {
                    rest.add(p);
                    restReadings.addAll(p.readings());
                } else {
                    queuedReadings -= p.readings().size();
                    if (outcome.get(i) == null) {
                        metrics.stored(p.readings().size());
                        p.onDurable().run();
                    } else {
                        rejected(p, outcome.get(i));
                    }
                }
            }
            if (rest.isEmpty()) {
                writing = false;
                flush();
            } else {
                enterSpoolMode();
                append(new Batch(rest, restReadings));
            }
        }));
    }

    private void rejected(Pending p, Throwable cause) {
        metrics.storeRejected(p.readings().size());
        p.onRejected().accept(String.valueOf(cause.getMessage()));
    }

    private Batch take() {
        List<Pending> parts = new ArrayList<>();
        List<Reading> readings = new ArrayList<>();
        while (!queue.isEmpty() && (readings.isEmpty() || readings.size() + queue.peekFirst().readings().size() <= maxBatch)) {
            Pending p = queue.pollFirst();
            parts.add(p);
            readings.addAll(p.readings());
        }
        return new Batch(parts, readings);
    }

    private void append(Batch batch) {
        worker.<Void>executeBlocking(() -> {
            spool.append(SpoolRecordCodec.encode(batch.readings()));
            return null;
        }, false).onComplete(ar -> context.runOnContext(v -> {
            if (ar.succeeded()) {
                spoolFull = false;
                appendBackoffMs = 0;
                metrics.spooled(batch.readings().size());
                done(batch);
                replay();
            } else {
                if (!spoolFull) {
                    LOG.error("cannot spool {} readings, holding them unacknowledged: {}", batch.readings().size(),
                            ar.cause() instanceof SpoolFullException ? ar.cause().getMessage() : ar.cause().toString());
                }
                spoolFull = true;
                requeue(batch);
                appendBackoffMs = backoff(appendBackoffMs);
                context.owner().setTimer(appendBackoffMs, t -> {
                    writing = false;
                    flush();
                });
            }
        }));
    }

    private void done(Batch batch) {
        writing = false;
        queuedReadings -= batch.readings().size();
        for (Pending p : batch.parts()) {
            p.onDurable().run();
        }
        flush();
        if (spooling) {
            replay();
        }
    }

    private void requeue(Batch batch) {
        for (int i = batch.parts().size() - 1; i >= 0; i--) {
            queue.addFirst(batch.parts().get(i));
        }
    }

    private void enterSpoolMode() {
        spooling = true;
        metrics.spoolModeEntered();
    }

    /** Moves the oldest spooled record to the store, again and again until the spool is empty or the store fails. */
    private void replay() {
        if (replaying || !spooling || replayTimerSet || closed) {
            return;
        }
        replaying = true;
        worker.executeBlocking(() -> {
            List<DiskSpool.Entry> entries = spool.peek(maxBatch, (long) maxBatch * REPLAY_BYTES_PER_READING);
            if (entries.isEmpty()) {
                return -1;
            }
            List<Reading> readings = new ArrayList<>();
            for (DiskSpool.Entry e : entries) {
                readings.addAll(SpoolRecordCodec.decode(e.payload()));
            }
            try {
                store.write(readings);
            } catch (StoreRejectedException rejected) {
                writeOneByOne(readings);
            }
            spool.commit(entries);
            return readings.size();
        }, false).onComplete(ar -> context.runOnContext(v -> {
            replaying = false;
            if (ar.failed()) {
                storeFailed(ar.cause(), 0);
                replayBackoffMs = backoff(replayBackoffMs);
                replayTimerSet = true;
                context.owner().setTimer(replayBackoffMs, t -> {
                    replayTimerSet = false;
                    replay();
                });
                checkDrained();
            } else if (ar.result() >= 0) {
                storeOk();
                replayBackoffMs = 0;
                metrics.replayed(ar.result());
                replay();
            } else if (!writing) {
                LOG.info("spool replayed; writing to the store directly again");
                spooling = false;
                flush();
            }
        }));
    }

    /** Writes spooled readings singly after the store refused their batch; drops (and counts) those it refuses. */
    private void writeOneByOne(List<Reading> readings) {
        for (Reading r : readings) {
            try {
                store.write(List.of(r));
            } catch (StoreRejectedException e) {
                metrics.storeRejected(1);
                LOG.warn("store {} refused a spooled reading of {} at {}; dropping it: {}", store.name(), r.seriesId(), r.ts(),
                        e.getMessage());
            }
        }
    }

    private void storeOk() {
        if (storeFailing) {
            LOG.info("store {} takes writes again", store.name());
        }
        storeFailing = false;
    }

    private void storeFailed(Throwable cause, int n) {
        metrics.storeFailure();
        if (!storeFailing) {
            LOG.warn("store {} did not take a write{}; spooling to {} until it does: {}", store.name(),
                    n > 0 ? " of " + n + " readings" : "", spool.dir(), cause.toString());
        }
        storeFailing = true;
    }

    private static long backoff(long previous) {
        return Math.min(MAX_BACKOFF_MS, Math.max(MIN_BACKOFF_MS, previous * 2));
    }
}
