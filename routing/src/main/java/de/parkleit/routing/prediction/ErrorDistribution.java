package de.parkleit.routing.prediction;

/**
 * Empirical distribution of forecast errors (actual minus forecast free spaces), as a histogram of half-space wide
 * bins over [-1000, +1000] spaces. Not thread-safe while being filled; read-only use is safe once filled.
 */
final class ErrorDistribution {

    private static final double WIDTH = 0.5;
    private static final int HALF = 2000;

    private final double[] bins = new double[2 * HALF + 1];
    private double total;

    void add(double error) {
        if (Double.isNaN(error)) {
            return;
        }
        bins[bin(error)]++;
        total++;
    }

    void addAll(ErrorDistribution other) {
        for (int i = 0; i < bins.length; i++) {
            bins[i] += other.bins[i];
        }
        total += other.total;
    }

    double count() {
        return total;
    }

    /** P(error &gt;= threshold), interpolating linearly inside the threshold's bin; NaN if empty. */
    double probabilityAtLeast(double threshold) {
        if (total == 0) {
            return Double.NaN;
        }
        double position = threshold / WIDTH + HALF + 0.5;
        if (position <= 0) {
            return 1;
        }
        if (position >= bins.length) {
            return 0;
        }
        int i = (int) position;
        double fractionAbove = 1 - (position - i);
        double mass = bins[i] * fractionAbove;
        for (int j = i + 1; j < bins.length; j++) {
            mass += bins[j];
        }
        return mass / total;
    }

    /** The error at cumulative probability {@code q} (0..1), at bin centre; NaN if empty. */
    double quantile(double q) {
        if (total == 0) {
            return Double.NaN;
        }
        double target = q * total;
        double seen = 0;
        for (int i = 0; i < bins.length; i++) {
            seen += bins[i];
            if (seen >= target && bins[i] > 0) {
                return (i - HALF) * WIDTH;
            }
        }
        return HALF * WIDTH;
    }

    private static int bin(double error) {
        long i = Math.round(error / WIDTH) + HALF;
        return (int) Math.max(0, Math.min(2L * HALF, i));
    }
}
