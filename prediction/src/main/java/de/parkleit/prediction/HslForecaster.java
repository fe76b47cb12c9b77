package de.parkleit.prediction;

/**
 * Baseline after HSL's park-and-ride API ("relativized average of previous weeks"): the free spaces now plus the
 * mean change over the same window one, two and three weeks earlier (local time), multiplied by how busy the last
 * two hours were compared with the same two hours in those weeks (never below 1), floored at 0.
 *
 * <p>Busyness of a two-hour window is the mean absolute difference of its values from the window's last value, at
 * least one space. A week whose origin slot has no value is left out. Values are not rounded.
 */
public final class HslForecaster implements PointForecaster {

    private static final int WEEKS = 3;
    private static final int WINDOW_SLOTS = 24;

    @Override
    public String name() {
        return "HSL-style";
    }

    @Override
    public double forecast(SeriesView view, long originSlot, int horizonSlots) {
        double now = view.freeAt(originSlot);
        SlotClock clock = view.clock();
        double changes = 0;
        int n = 0;
        double pastBusyness = 0;
        int busyWeeks = 0;
        for (int k = 1; k <= WEEKS; k++) {
            long origin = clock.weeksBefore(originSlot, k);
            double atOrigin = view.freeAt(origin);
            if (Double.isNaN(atOrigin)) {
                continue;
            }
            double busy = busyness(view, origin);
            if (!Double.isNaN(busy)) {
                pastBusyness += busy;
                busyWeeks++;
            }
            double atTarget = view.freeAt(clock.weeksBefore(originSlot + horizonSlots, k));
            if (!Double.isNaN(atTarget)) {
                changes += atTarget - atOrigin;
                n++;
            }
        }
        if (n == 0 || Double.isNaN(now)) {
            return Double.NaN;
        }
        double recent = Math.max(1, busyness(view, originSlot));
        double past = busyWeeks == 0 ? recent : Math.max(1, pastBusyness / busyWeeks);
        double multiplier = Math.max(1, recent / past);
        return Math.max(0, now + multiplier * changes / n);
    }

    /** Mean |value - value at end| over the window ending at {@code end}, or NaN if the end has no value. */
    static double busyness(SeriesView view, long end) {
        double last = view.freeAt(end);
        if (Double.isNaN(last)) {
            return Double.NaN;
        }
        double sum = 0;
        int n = 0;
        for (long s = end - WINDOW_SLOTS; s <= end; s++) {
            double v = view.freeAt(s);
            if (!Double.isNaN(v)) {
                sum += Math.abs(v - last);
                n++;
            }
        }
        return sum / n;
    }
}
