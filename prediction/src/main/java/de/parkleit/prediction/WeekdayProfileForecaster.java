package de.parkleit.prediction;

/**
 * Baseline: the plain weekday x time-of-day profile, the mean free spaces in the target slot on the same weekday of
 * the last {@code weeks} weeks (local time), ignoring the current value.
 */
public final class WeekdayProfileForecaster implements PointForecaster {

    private final int weeks;

    public WeekdayProfileForecaster(int weeks) {
        if (weeks < 1) {
            throw new IllegalArgumentException("weeks must be >= 1, got " + weeks);
        }
        this.weeks = weeks;
    }

    @Override
    public String name() {
        return "weekday profile";
    }

    @Override
    public double forecast(SeriesView view, long originSlot, int horizonSlots) {
        long target = originSlot + horizonSlots;
        double sum = 0;
        int n = 0;
        for (int k = 1; k <= weeks; k++) {
            double v = view.freeAt(view.clock().weeksBefore(target, k));
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
