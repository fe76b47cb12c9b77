package de.parkleit.dashboard.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One token bucket per client key, at most {@code maxClients} of them (the least recently seen is
 * forgotten first, which only ever gives that client a fresh budget). Not thread-safe: one per
 * event-loop context. Time comes in as nanoseconds so tests drive it.
 */
public final class TokenBuckets {

    private final double capacity;
    private final double tokensPerNano;
    private final Map<String, double[]> buckets; // key -> {tokens, lastNanos}

    public TokenBuckets(int perMinute, int burst, int maxClients) {
        this.capacity = burst;
        this.tokensPerNano = perMinute / 60e9;
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
                return size() > maxClients;
            }
        };
    }

    /** Takes one token; returns 0 if granted, else the milliseconds until one is available. */
    public long tryAcquire(String key, long nowNanos) {
        double[] b = buckets.get(key);
        if (b == null) {
            b = new double[] {capacity, nowNanos};
            buckets.put(key, b);
        }
        double refill = Math.max(0, nowNanos - (long) b[1]) * tokensPerNano;
        b[0] = Math.min(capacity, b[0] + refill);
        b[1] = nowNanos;
        if (b[0] >= 1) {
            b[0] -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - b[0]) / tokensPerNano / 1e6);
    }

    public int clients() {
        return buckets.size();
    }
}
