package de.parkleit.guidance.service;

import de.parkleit.platform.store.StoreEvent;
import de.parkleit.platform.store.TimeSeriesStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers {@code guidance_issued} and {@code sign_display} events and writes them to the store in
 * batches ({@link #flush} runs on a worker: the store blocks). While the store is down, events
 * wait (at most {@link #MAX_QUEUED}; beyond that the oldest are dropped and counted). Problems
 * are logged once per cause. Thread-safe.
 */
final class StoreEventWriter {

    private static final Logger LOG = LoggerFactory.getLogger(StoreEventWriter.class);
    static final int MAX_QUEUED = 100_000;
    private static final int BATCH = 5_000;

    private final TimeSeriesStore store;
    private final ArrayDeque<StoreEvent> queue = new ArrayDeque<>();
    private final Counter written;
    private final Counter dropped;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    StoreEventWriter(TimeSeriesStore store, MeterRegistry registry) {
        this.store = store;
        this.written = Counter.builder("parkleit.guidance.store.events").tag("result", "written")
                .description("guidance and sign events written to the store").register(registry);
        this.dropped = Counter.builder("parkleit.guidance.store.events").tag("result", "dropped")
                .description("guidance and sign events dropped while the store was unavailable").register(registry);
    }

    synchronized void add(StoreEvent e) {
        if (queue.size() >= MAX_QUEUED) {
            queue.pollFirst();
            dropped.increment();
        }
        queue.addLast(e);
    }

    synchronized int queued() {
        return queue.size();
    }

    /** Writes what is queued, batch by batch; blocking. Returns how many were written. */
    int flush() {
        int total = 0;
        while (true) {
            List<StoreEvent> batch = take();
            if (batch.isEmpty()) {
                return total;
            }
            try {
                store.writeEvents(batch);
                written.increment(batch.size());
                total += batch.size();
                if (logged.remove("failing")) {
                    LOG.info("store takes guidance and sign events again");
                }
            } catch (RuntimeException e) {
                putBack(batch);
                once("failing", "cannot write guidance and sign events to {} (kept, retried): {}", store.name(), e.toString());
                return total;
            }
        }
    }

    private synchronized List<StoreEvent> take() {
        List<StoreEvent> batch = new ArrayList<>(Math.min(BATCH, queue.size()));
        while (!queue.isEmpty() && batch.size() < BATCH) {
            batch.add(queue.pollFirst());
        }
        return batch;
    }

    private synchronized void putBack(List<StoreEvent> batch) {
        for (int i = batch.size() - 1; i >= 0; i--) {
            queue.addFirst(batch.get(i));
        }
        while (queue.size() > MAX_QUEUED) {
            queue.pollFirst();
            dropped.increment();
        }
    }

    private void once(String cause, String msg, Object... args) {
        if (logged.add(cause)) {
            LOG.warn(msg, args);
        }
    }
}
