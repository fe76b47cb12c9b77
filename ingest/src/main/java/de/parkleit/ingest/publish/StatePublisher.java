package de.parkleit.ingest.publish;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Publishes retained state, coalescing per topic: a change goes out at once unless the previous
 * publish of that topic is still unconfirmed by the broker or was less than {@code minInterval}
 * ago; then only the latest payload waits and goes out as soon as that is over. At low rates every
 * change is published immediately; under load a topic is republished at the pace the broker
 * confirms, never queueing more than one payload per topic. A confirmation that has not come
 * after {@code inFlightTimeout} frees the topic again (counted in {@link #timedOutCount()}), so a
 * lost PUBACK never freezes a topic. Owned by one context; call {@link #close()} when done.
 */
public final class StatePublisher {

    public static final Duration DEFAULT_IN_FLIGHT_TIMEOUT = Duration.ofSeconds(10);

    private static final class Slot {
        long lastMs = Long.MIN_VALUE;
        /** Number of the publish in flight, 0 when none is: a late confirmation of an older one is ignored. */
        long inFlight;
        long sentMs;
        boolean timerSet;
        /** Encoded only when sent: most changes of a busy topic are replaced before that. */
        Supplier<byte[]> waiting;
    }

    private final Vertx vertx;
    private final BiFunction<String, byte[], Future<Void>> publish;
    private final long minIntervalMs;
    private final long timeoutMs;
    private final Map<String, Slot> slots = new HashMap<>();
    private long published;
    private long coalesced;
    private long timedOut;
    private int inFlightCount;
    private long sweepTimer = -1;
    private boolean closed;

    /** With the {@linkplain #DEFAULT_IN_FLIGHT_TIMEOUT default} in-flight timeout. */
    public StatePublisher(Vertx vertx, BiFunction<String, byte[], Future<Void>> publish, Duration minInterval) {
        this(vertx, publish, minInterval, DEFAULT_IN_FLIGHT_TIMEOUT);
    }

    /**
     * @param publish         sends (topic, payload) retained to the broker; the future completes when the broker has it
     * @param minInterval     least time between two publishes of one topic (zero: only the broker's pace limits)
     * @param inFlightTimeout how long a publish may stay unconfirmed before its topic is free again
     */
    public StatePublisher(Vertx vertx, BiFunction<String, byte[], Future<Void>> publish, Duration minInterval,
                          Duration inFlightTimeout) {
        if (inFlightTimeout.isNegative() || inFlightTimeout.isZero()) {
            throw new IllegalArgumentException("inFlightTimeout must be positive, got " + inFlightTimeout);
        }
        this.vertx = vertx;
        this.publish = publish;
        this.minIntervalMs = minInterval.toMillis();
        this.timeoutMs = inFlightTimeout.toMillis();
    }

    public void publish(String topic, byte[] payload) {
        publish(topic, () -> payload);
    }

    /** As {@link #publish(String, byte[])}, encoding the payload only if it is sent (a newer one may replace it first). */
    public void publish(String topic, Supplier<byte[]> payload) {
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

    /** Publishes whose confirmation did not come within the in-flight timeout. */
    public long timedOutCount() {
        return timedOut;
    }

    /** Stops the in-flight timeout check; nothing waiting is sent any more. */
    public void close() {
        closed = true;
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
            sweepTimer = -1;
        }
    }

    private static long nowMs() {
        return System.nanoTime() / 1_000_000;
    }

    private void trySend(String topic, Slot s) {
        if (closed || s.waiting == null || s.inFlight != 0 || s.timerSet) {
            return;
        }
        long now = nowMs();
        long due = s.lastMs == Long.MIN_VALUE ? now : s.lastMs + minIntervalMs;
        if (due > now) {
            s.timerSet = true;
            vertx.setTimer(due - now, id -> {
                s.timerSet = false;
                trySend(topic, s);
            });
            return;
        }
        byte[] payload = s.waiting.get();
        s.waiting = null;
        long number = ++published;
        s.inFlight = number;
        s.sentMs = now;
        s.lastMs = now;
        inFlightCount++;
        startSweep();
        publish.apply(topic, payload).onComplete(ar -> {
            if (s.inFlight == number) {
                s.inFlight = 0;
                inFlightCount--;
                trySend(topic, s);
            }
        });
    }

    /** One periodic check while anything is in flight, rather than a timer per publish. */
    private void startSweep() {
        if (sweepTimer >= 0) {
            return;
        }
        long every = Math.max(10, Math.min(1_000, timeoutMs / 4));
        sweepTimer = vertx.setPeriodic(every, id -> sweep());
    }

    private void sweep() {
        if (inFlightCount == 0) {
            vertx.cancelTimer(sweepTimer);
            sweepTimer = -1;
            return;
        }
        long now = nowMs();
        slots.forEach((topic, s) -> {
            if (s.inFlight != 0 && now - s.sentMs >= timeoutMs) {
                s.inFlight = 0;
                inFlightCount--;
                timedOut++;
                trySend(topic, s);
            }
        });
    }
}
