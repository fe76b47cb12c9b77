package de.parkleit.prediction;

/**
 * Empirical distribution of forecast errors (actual minus forecast free spaces), as a histogram of half-space wide
 * bins over [-1000, +1000] spaces. Filled with {@link #add}, then {@link #freeze() frozen}, after which it is
 * read-only, thread-safe and answers in constant or logarithmic time. Only the bins from the lowest to the highest
 * error seen are stored (a model holds about 700 of these per facility, and the running service retrains while the
 * old model still answers: a full 4,001-bin array each would take 45 MB per facility).
 */
final class ErrorDistribution {

    private static final double WIDTH = 0.5;
    private static final int HALF = 2000;
    private static final int BINS = 2 * HALF + 1;

    /** Counts of bins {@code offset .. offset + bins.length - 1}; null while empty. */
    private double[] bins;
    private int offset;
    private double total;
    private double[] cumulative;

    void add(double error) {
        if (cumulative != null) {
            throw new IllegalStateException("frozen");
        }
        if (!Double.isNaN(error)) {
            int b = bin(error);
            cover(b, b);
            bins[b - offset]++;
            total++;
        }
    }

    void addAll(ErrorDistribution other) {
        if (cumulative != null) {
            throw new IllegalStateException("frozen");
        }
        if (other.bins == null) {
            return;
        }
        cover(other.offset, other.offset + other.bins.length - 1);
        for (int i = 0; i < other.bins.length; i++) {
            bins[other.offset + i - offset] += other.bins[i];
        }
        total += other.total;
    }

    /** Grows the stored range to include bins {@code from..to}, with some slack to grow less often. */
    private void cover(int from, int to) {
        if (bins == null) {
            offset = Math.max(0, from - 8);
            bins = new double[Math.min(BINS, to + 9) - offset];
            return;
        }
        int end = offset + bins.length - 1;
        if (from >= offset && to <= end) {
            return;
        }
        int newOffset = from < offset ? Math.max(0, from - 16) : offset;
        int newEnd = to > end ? Math.min(BINS - 1, to + 16) : end;
        double[] grown = new double[newEnd - newOffset + 1];
        System.arraycopy(bins, 0, grown, offset - newOffset, bins.length);
        bins = grown;
        offset = newOffset;
    }

    /** Ends filling: trims the range to the bins in use and computes the cumulative counts. */
    void freeze() {
        if (cumulative != null) {
            return;
        }
        if (bins != null) {
            int first = 0;
            while (first < bins.length && bins[first] == 0) {
                first++;
            }
            int last = bins.length - 1;
            while (last >= first && bins[last] == 0) {
                last--;
            }
            if (first > last) {
                bins = null;
            } else {
                bins = java.util.Arrays.copyOfRange(bins, first, last + 1);
                offset += first;
            }
        }
        double[] c = new double[bins == null ? 0 : bins.length];
        double sum = 0;
        for (int i = 0; i < c.length; i++) {
            sum += bins[i];
            c[i] = sum;
        }
        cumulative = c;
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
        if (position >= BINS) {
            return 0;
        }
        int i = (int) position;
        double above = total - cumulativeAt(i) + binAt(i) * (1 - (position - i));
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
        return (lo + offset - HALF) * WIDTH;
    }

    private double binAt(int i) {
        int j = i - offset;
        return j < 0 || j >= bins.length ? 0 : bins[j];
    }

    private double cumulativeAt(int i) {
        int j = i - offset;
        return j < 0 ? 0 : j >= cumulative.length ? total : cumulative[j];
    }

    private static int bin(double error) {
        long i = Math.round(error / WIDTH) + HALF;
        return (int) Math.max(0, Math.min(2L * HALF, i));
    }
}
