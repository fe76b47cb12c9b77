package de.parkleit.bench.guidance;

import java.util.Arrays;
import java.util.Locale;

/** Latency percentiles of one series, in milliseconds. */
record Stats(String name, int count, double p50, double p95, double p99, double max) {

    static Stats of(String name, long[] nanos, int n) {
        long[] v = Arrays.copyOf(nanos, n);
        Arrays.sort(v);
        return new Stats(name, n, pct(v, 0.50), pct(v, 0.95), pct(v, 0.99), n == 0 ? Double.NaN : v[n - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    String row() {
        return String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %.1f |", name, count, p50, p95, p99, max);
    }

    static String header(String what) {
        return "| " + what + " | n | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|";
    }
}
