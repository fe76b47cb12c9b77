package de.parkleit.routing.prediction;

/**
 * Empirical distribution of forecast errors (actual minus forecast free spaces), as a histogram of half-space wide
 * bins over [-1000, +1000] spaces. Filled with {@link #add}, then {@link #freeze() frozen}, after which it is
 * read-only, thread-safe and answers in constant or logarithmic time.
 */
final class ErrorDistribution {

    private static final double WIDTH = 0.5;
    private static final int HALF = 2000;

    private final double[] bins = new double[2 * HALF + 1];
    private double total;
    private double[] cumulative;

    void add(double error) {
        if (cumulative != null) {
            throw new IllegalStateException("frozen");
        }
        if (!Double.isNaN(error)) {
            bins[bin(error)]++;
            total++;
        }
    }

    void addAll(ErrorDistribution other) {
        if (cumulative != null) {
            throw new IllegalStateException("frozen");
        }
        for (int i = 0; i < bins.length; i++) {
            bins[i] += other.bins[i];
        }
        total += other.total;
    }

    /** Ends filling: computes the cumulative counts. */
    void freeze() {
        if (cumulative == null) {
            double[] c = new double[bins.length];
            double sum = 0;
            for (int i = 0; i < bins.length; i++) {
                sum += bins[i];
                c[i] = sum;
            }
            cumulative = c;
        }
    }

    double count() {
        return total;
    }

    /** P(error &gt;= threshold), interpolating linearly inside the threshold's bin; NaN if empty. */
    double probabilityAtLeast(double threshold) {
        if (total == 0) {
            return Double.NaN;
        }
        freeze();
        double position = threshold / WIDTH + HALF + 0.5;
        if (position <= 0) {
            return 1;
        }
        if (position >= bins.length) {
            return 0;
        }
        int i = (int) position;
        double above = total - cumulative[i] + bins[i] * (1 - (position - i));
        return above / total;
    }

    /** The error at cumulative probability {@code q} (0..1), at bin centre; NaN if empty. */
    double quantile(double q) {
        if (total == 0) {
            return Double.NaN;
        }
        freeze();
        double target = Math.max(Double.MIN_VALUE, q * total);
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return (lo - HALF) * WIDTH;
    }

    private static int bin(double error) {
        long i = Math.round(error / WIDTH) + HALF;
        return (int) Math.max(0, Math.min(2L * HALF, i));
    }
}
