package de.parkleit.ingest.publish;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Publishes retained state, at most once per topic per interval: the first change goes out at
 * once, further changes within the interval are coalesced into one publish of the latest payload
 * when it ends. Owned by one context.
 */
public final class StatePublisher {

    private static final class Slot {
        long lastMs = Long.MIN_VALUE;
        byte[] waiting;
    }

    private final Vertx vertx;
    private final BiConsumer<String, byte[]> publish;
    private final long intervalMs;
    private final Map<String, Slot> slots = new HashMap<>();
    private long published;

    /** @param publish sends (topic, payload) retained to the broker */
    public StatePublisher(Vertx vertx, BiConsumer<String, byte[]> publish, Duration interval) {
        this.vertx = vertx;
        this.publish = publish;
        this.intervalMs = interval.toMillis();
    }

    public void publish(String topic, byte[] payload) {
        if (intervalMs <= 0) {
            send(topic, payload);
            return;
        }
        Slot s = slots.computeIfAbsent(topic, t -> new Slot());
        long now = System.nanoTime() / 1_000_000;
        if (s.waiting != null) {
            s.waiting = payload;
        } else if (s.lastMs == Long.MIN_VALUE || now - s.lastMs >= intervalMs) {
            s.lastMs = now;
            send(topic, payload);
        } else {
            s.waiting = payload;
            vertx.setTimer(Math.max(1, s.lastMs + intervalMs - now), id -> {
                byte[] p = s.waiting;
                s.waiting = null;
                s.lastMs = System.nanoTime() / 1_000_000;
                send(topic, p);
            });
        }
    }

    public long publishedCount() {
        return published;
    }

    private void send(String topic, byte[] payload) {
        published++;
        publish.accept(topic, payload);
    }
}
