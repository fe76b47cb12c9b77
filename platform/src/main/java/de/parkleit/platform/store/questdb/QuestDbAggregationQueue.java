package de.parkleit.platform.store.questdb;

import de.parkleit.core.reading.Reading;
import de.parkleit.platform.store.StoreUnavailableException;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes the aggregates of written buckets off the write path: {@link #enqueue} records what a
 * write touched, one thread drains the queue, coalescing everything pending into one recomputation
 * per aggregate. {@link #awaitDrained} is the read barrier: a query on the aggregates waits until
 * every write enqueued before it is aggregated. A failed drain keeps its work and retries after a
 * second; queries wait at most their visibility timeout and then fail with the reason.
 */
final class QuestDbAggregationQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QuestDbAggregationQueue.class);

    private final QuestDbDownsampler downsampler;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parkleit-store-aggregation");
        t.setDaemon(true);
        return t;
    });
    private final Object monitor = new Object();
    private Map<QuestDbAggregate, QuestDbDownsampler.Touched> pending = new EnumMap<>(QuestDbAggregate.class);
    private long enqueued;
    private long drained;
    private boolean scheduled;
    private RuntimeException lastFailure;

    QuestDbAggregationQueue(QuestDbDownsampler downsampler) {
        this.downsampler = downsampler;
    }

    void enqueue(Collection<? extends Reading> readings) {
        Map<QuestDbAggregate, QuestDbDownsampler.Touched> touched = QuestDbDownsampler.touched(readings);
        if (touched.isEmpty()) {
            return;
        }
        synchronized (monitor) {
            touched.forEach((a, t) -> pending.merge(a, t, (x, y) -> {
                x.addAll(y);
                return x;
            }));
            enqueued++;
            schedule(0);
        }
    }

    /** Waits until every write enqueued so far is aggregated, at most {@code max}. */
    void awaitDrained(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (monitor) {
            long target = enqueued;
            while (drained < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new StoreUnavailableException("QuestDB aggregates are not up to date after " + max.toMillis() + " ms"
                            + (lastFailure == null ? "" : ": " + lastFailure.getMessage()), lastFailure);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreUnavailableException("interrupted while waiting for aggregates", e);
                }
            }
        }
    }

    private void schedule(long delayMs) {
        if (!scheduled && !worker.isShutdown()) {
            scheduled = true;
            worker.execute(() -> {
                sleep(delayMs);
                drain();
            });
        }
    }

    private void drain() {
        Map<QuestDbAggregate, QuestDbDownsampler.Touched> work;
        long upTo;
        synchronized (monitor) {
            work = pending;
            pending = new EnumMap<>(QuestDbAggregate.class);
            upTo = enqueued;
            scheduled = false;
        }
        try {
            downsampler.aggregate(work);
            synchronized (monitor) {
                drained = Math.max(drained, upTo);
                if (lastFailure != null) {
                    LOG.info("recomputing 5-minute aggregates works again");
                }
                lastFailure = null;
                monitor.notifyAll();
            }
        } catch (RuntimeException e) {
            synchronized (monitor) {
                // once per outage: the retries every second would otherwise flood the log
                if (lastFailure == null) {
                    LOG.warn("recomputing 5-minute aggregates failed, retrying every second until the store answers: {}",
                            e.toString());
                } else {
                    LOG.debug("recomputing 5-minute aggregates still failing: {}", e.toString());
                }
                work.forEach((a, t) -> pending.merge(a, t, (x, y) -> {
                    x.addAll(y);
                    return x;
                }));
                lastFailure = e;
                schedule(1_000);
            }
        }
    }

    private static void sleep(long ms) {
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
