package de.parkleit.guidance;

import de.parkleit.core.guidance.Issued;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The recommendations that still count against facilities (closed loop), from this instance and,
 * shared over MQTT, from the others. Ranking and recording a recommendation happen in one
 * {@link #decide} call under the ledger's lock, so concurrent requests never overbook a
 * facility. Thread-safe.
 */
public final class IssuedLedger {

    /** What {@link #decide} computed, and the recommendation to record (null for none). */
    public record Decision<T>(T value, Issued issued) {
    }

    private static final Comparator<Issued> BY_END = Comparator.comparing(Issued::countsUntil);

    private final Map<String, PriorityQueue<Issued>> byFacility = new HashMap<>();
    private final Map<String, Issued> byRequest = new HashMap<>();
    private long recorded;

    /**
     * Adds a recommendation issued elsewhere (or replayed); ignored if known already or no longer counting.
     *
     * @return whether it was added
     */
    public synchronized boolean add(Issued i, Instant now) {
        prune(now);
        if (!i.countsUntil().isAfter(now) || byRequest.containsKey(i.requestId())) {
            return false;
        }
        put(i);
        return true;
    }

    /** Recommendations to {@code facilityId} that count at {@code now}. */
    public synchronized int pending(String facilityId, Instant now) {
        prune(now);
        PriorityQueue<Issued> q = byFacility.get(facilityId);
        return q == null ? 0 : q.size();
    }

    /** All recommendations that count at {@code now}. */
    public synchronized int pendingTotal(Instant now) {
        prune(now);
        return byRequest.size();
    }

    /** Recommendations recorded since start (local and remote). */
    public synchronized long recorded() {
        return recorded;
    }

    /**
     * Runs {@code f} with the pending count per facility under the lock and records the
     * recommendation it returns, so nothing else is recorded between the count and the record.
     */
    public synchronized <T> T decide(Instant now, Function<ToIntFunction<String>, Decision<T>> f) {
        prune(now);
        Decision<T> d = f.apply(id -> {
            PriorityQueue<Issued> q = byFacility.get(id);
            return q == null ? 0 : q.size();
        });
        if (d.issued() != null && !byRequest.containsKey(d.issued().requestId())) {
            put(d.issued());
        }
        return d.value();
    }

    private void put(Issued i) {
        byFacility.computeIfAbsent(i.facilityId(), id -> new PriorityQueue<>(BY_END)).add(i);
        byRequest.put(i.requestId(), i);
        recorded++;
    }

    private void prune(Instant now) {
        for (PriorityQueue<Issued> q : byFacility.values()) {
            while (!q.isEmpty() && !q.peek().countsUntil().isAfter(now)) {
                byRequest.remove(q.poll().requestId());
            }
        }
    }
}
