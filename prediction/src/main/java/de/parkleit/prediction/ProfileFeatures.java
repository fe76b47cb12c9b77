package de.parkleit.prediction;

/**
 * The inputs of the forecasting model, all in shares of capacity. At an origin slot {@code s0} with free share
 * {@code x0} and a target {@code s1 = s0 + h}, with {@code P(s)} the weekday x time-of-day profile (mean of the same
 * local slot over the last {@code profileWeeks} weeks; from five values on, the highest and lowest are left out, so
 * one holiday or outage does not bend it), {@code r} the occupied share of the last {@code recentSlots} slots over
 * the profile's occupied share in the same slots (today is busier by factor {@code r}):
 * <ol start="0">
 *   <li>{@code 1} (bias);</li>
 *   <li>profile change {@code P(s1) - P(s0)};</li>
 *   <li>deviation now {@code x0 - P(s0)} (how far today runs above or below the usual);</li>
 *   <li>scaled profile: {@code 1 - (1 - P(s1)) * r - x0}, the profile's occupancy at the target scaled by
 *       {@code r}, as a change from now;</li>
 *   <li>trend {@code x0 - x(s0 - trendSlots)};</li>
 *   <li>the HSL-style change: mean change over the same window 1–3 weeks earlier times the recent busyness
 *       ratio (&gt;= 1);</li>
 *   <li>recent mean deviation minus deviation now (is the deviation growing or shrinking);</li>
 *   <li>profile trend {@code P(s0) - P(s0 - trendSlots)};</li>
 *   <li>scaled profile change {@code (P(s1) - P(s0)) * r}.</li>
 * </ol>
 * The model forecasts {@code x0 + sum(coefficient_i * feature_i)}, clamped to [0, 1], with coefficients per
 * time-of-day block of the origin (before 06:00, 06–10, 10–14, 14–18, from 18:00 local time) and horizon.
 */
final class ProfileFeatures {

    static final int COUNT = 9;
    static final String[] NAMES = {"bias", "profile change", "deviation now", "scaled profile", "trend",
        "HSL change", "recent deviation - now", "profile trend", "scaled change"};

    private static final int HSL_WEEKS = 3;
    /** Local times of day (minutes) where a new block of coefficients starts. */
    private static final int[] BLOCK_STARTS = {6 * 60, 10 * 60, 14 * 60, 18 * 60};

    private final ModelSettings settings;

    ProfileFeatures(ModelSettings settings) {
        this.settings = settings;
    }

    /** What is known at the origin, shared by all horizons. */
    record Origin(long slot, double x0, double p0, double recentDeviation, double occupiedRatio, double trend,
                  double busynessRatio, double[] pastOrigins, double profileTrend, int block) {
    }

    /** The origin state, or null if there is no value at the origin or no profile for it. */
    Origin origin(SeriesView v, long s0) {
        double x0 = v.shareAt(s0);
        double p0 = profile(v, s0);
        if (Double.isNaN(x0) || Double.isNaN(p0)) {
            return null;
        }
        double devSum = 0;
        double occ = 0;
        double occProfile = 0;
        int n = 0;
        for (long s = s0 - settings.recentSlots() + 1; s <= s0; s++) {
            double x = v.shareAt(s);
            double p = Double.isNaN(x) ? Double.NaN : profile(v, s);
            if (!Double.isNaN(p)) {
                devSum += x - p;
                occ += 1 - x;
                occProfile += 1 - p;
                n++;
            }
        }
        double recentDeviation = n == 0 ? x0 - p0 : devSum / n;
        double ratio = n == 0 || occProfile / n < 0.02 ? 1 : Math.max(0.25, Math.min(4, occ / occProfile));
        double[] past = new double[HSL_WEEKS];
        for (int k = 1; k <= HSL_WEEKS; k++) {
            past[k - 1] = v.shareAt(v.clock().weeksBefore(s0, k));
        }
        double pBefore = profile(v, s0 - settings.trendSlots());
        return new Origin(s0, x0, p0, recentDeviation, ratio, change(v, s0, x0, settings.trendSlots()),
                busynessRatio(v, s0), past, Double.isNaN(pBefore) ? 0 : p0 - pBefore, block(v.clock(), s0));
    }

    /** HSL's multiplier: busyness of the last two hours over that of the same hours 1–3 weeks earlier, &gt;= 1. */
    private static double busynessRatio(SeriesView v, long s0) {
        double pastBusy = 0;
        int busyWeeks = 0;
        for (int k = 1; k <= HSL_WEEKS; k++) {
            double busy = HslForecaster.busyness(v, v.clock().weeksBefore(s0, k));
            if (!Double.isNaN(busy)) {
                pastBusy += busy;
                busyWeeks++;
            }
        }
        double recentBusy = Math.max(1, HslForecaster.busyness(v, s0));
        return busyWeeks == 0 ? 1 : Math.max(1, recentBusy / Math.max(1, pastBusy / busyWeeks));
    }

    private static double change(SeriesView v, long s0, double x0, int slots) {
        double before = v.shareAt(s0 - slots);
        return Double.isNaN(before) ? 0 : x0 - before;
    }

    /** Fills {@code out} with the features for horizon {@code h}; false if there is no profile for the target. */
    boolean features(SeriesView v, Origin o, int h, double[] out) {
        long s1 = o.slot() + h;
        double p1 = profile(v, s1);
        if (Double.isNaN(p1)) {
            return false;
        }
        double scaled = Math.max(0, Math.min(1, 1 - (1 - p1) * o.occupiedRatio()));
        double hslChange = 0;
        int n = 0;
        for (int k = 1; k <= HSL_WEEKS; k++) {
            double atTarget = v.shareAt(v.clock().weeksBefore(s1, k));
            if (!Double.isNaN(atTarget) && !Double.isNaN(o.pastOrigins()[k - 1])) {
                hslChange += atTarget - o.pastOrigins()[k - 1];
                n++;
            }
        }
        out[0] = 1;
        out[1] = p1 - o.p0();
        out[2] = o.x0() - o.p0();
        out[3] = scaled - o.x0();
        out[4] = o.trend();
        out[5] = n == 0 ? 0 : o.busynessRatio() * hslChange / n;
        out[6] = o.recentDeviation() - (o.x0() - o.p0());
        out[7] = o.profileTrend();
        out[8] = (p1 - o.p0()) * o.occupiedRatio();
        return true;
    }

    /** Number of time-of-day blocks with coefficients of their own. */
    static int blockCount() {
        return BLOCK_STARTS.length + 1;
    }

    /** A block's local time span, like {@code 10:00-14:00}. */
    static String blockName(int block) {
        int from = block == 0 ? 0 : BLOCK_STARTS[block - 1];
        int to = block == BLOCK_STARTS.length ? 24 * 60 : BLOCK_STARTS[block];
        return String.format("%02d:%02d-%02d:%02d", from / 60, from % 60, to / 60, to % 60);
    }

    /** The time-of-day block of an origin slot. */
    static int block(SlotClock clock, long slot) {
        int minute = clock.minuteOfDay(slot);
        int b = 0;
        while (b < BLOCK_STARTS.length && minute >= BLOCK_STARTS[b]) {
            b++;
        }
        return b;
    }

    /** The profile value (free share) of a slot: mean of the same local slot over the last weeks, or NaN. */
    double profile(SeriesView v, long slot) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (int k = 1; k <= settings.profileWeeks(); k++) {
            double x = v.shareAt(v.clock().weeksBefore(slot, k));
            if (!Double.isNaN(x)) {
                sum += x;
                min = Math.min(min, x);
                max = Math.max(max, x);
                n++;
            }
        }
        if (n >= 5) {
            return (sum - min - max) / (n - 2);
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
