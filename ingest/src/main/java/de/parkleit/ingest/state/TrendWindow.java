package de.parkleit.ingest.state;

import de.parkleit.core.state.Trend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;

/** Recent free counts of one facility (at most one sample per 30 s) and the trend they show. */
final class TrendWindow {

    private static final long MIN_SAMPLE_GAP_MS = 30_000;
    private static final long MIN_SPAN_MS = 120_000;

    private final long windowMs;
    private final int threshold;
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();

    TrendWindow(Duration window, int capacity) {
        this.windowMs = window.toMillis();
        this.threshold = Math.max(1, (int) Math.ceil(0.02 * capacity));
    }

    void add(Instant ts, int free) {
        long t = ts.toEpochMilli();
        long[] last = samples.peekLast();
        if (last != null && t - last[0] < MIN_SAMPLE_GAP_MS) {
            last[1] = free;
        } else {
            samples.addLast(new long[] {t, free});
        }
        // keep one sample at or before the window start as the reference, drop older ones
        while (samples.size() > 2) {
            Iterator<long[]> it = samples.iterator();
            it.next();
            if (it.next()[0] <= t - windowMs) {
                samples.removeFirst();
            } else {
                break;
            }
        }
    }

    void clear() {
        samples.clear();
    }

    Trend trend() {
        if (samples.size() < 2) {
            return Trend.UNKNOWN;
        }
        long[] first = samples.peekFirst();
        long[] last = samples.peekLast();
        if (last[0] - first[0] < MIN_SPAN_MS) {
            return Trend.UNKNOWN;
        }
        long delta = last[1] - first[1];
        if (delta <= -threshold) {
            return Trend.FILLING;
        }
        if (delta >= threshold) {
            return Trend.EMPTYING;
        }
        return Trend.STEADY;
    }
}
