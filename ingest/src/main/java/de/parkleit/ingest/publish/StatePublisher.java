package de.parkleit.ingest.publish;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Publishes retained state, coalescing per topic: a change goes out at once unless the previous
 * publish of that topic is still unconfirmed by the broker or was less than {@code minInterval}
 * ago; then only the latest payload waits and goes out as soon as that is over. At low rates every
 * change is published immediately; under load a topic is republished at the pace the broker
 * confirms, never queueing more than one payload per topic. Owned by one context.
 */
public final class StatePublisher {

    private static final class Slot {
        long lastMs = Long.MIN_VALUE;
        boolean inFlight;
        boolean timerSet;
        byte[] waiting;
    }

    private final Vertx vertx;
    private final BiFunction<String, byte[], Future<Void>> publish;
    private final long minIntervalMs;
    private final Map<String, Slot> slots = new HashMap<>();
    private long published;
    private long coalesced;

    /**
     * @param publish     sends (topic, payload) retained to the broker; the future completes when the broker has it
     * @param minInterval least time between two publishes of one topic (zero: only the broker's pace limits)
     */
    public StatePublisher(Vertx vertx, BiFunction<String, byte[], Future<Void>> publish, Duration minInterval) {
        this.vertx = vertx;
        this.publish = publish;
        this.minIntervalMs = minInterval.toMillis();
    }

    public void publish(String topic, byte[] payload) {
        Slot s = slots.computeIfAbsent(topic, t -> new Slot());
        if (s.waiting != null) {
            coalesced++;
        }
        s.waiting = payload;
        trySend(topic, s);
    }

    /** Publishes sent to the broker. */
    public long publishedCount() {
        return published;
    }

    /** Changes replaced by a newer one before they were sent. */
    public long coalescedCount() {
        return coalesced;
    }

    private void trySend(String topic, Slot s) {
        if (s.waiting == null || s.inFlight || s.timerSet) {
            return;
        }
        long now = System.nanoTime() / 1_000_000;
        long due = s.lastMs == Long.MIN_VALUE ? now : s.lastMs + minIntervalMs;
        if (due > now) {
            s.timerSet = true;
            vertx.setTimer(due - now, id -> {
                s.timerSet = false;
                trySend(topic, s);
            });
            return;
        }
        byte[] payload = s.waiting;
        s.waiting = null;
        s.inFlight = true;
        s.lastMs = now;
        published++;
        publish.apply(topic, payload).onComplete(ar -> {
            s.inFlight = false;
            trySend(topic, s);
        });
    }
}
