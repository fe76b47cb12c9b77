package de.parkleit.guidance;

import de.parkleit.core.state.FacilityState;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The forecast guidance uses until the forecaster of {@code routing.prediction} is wired in: the
 * live free count, moved by the rate observed over the last {@link #WINDOW} (least squares over
 * the states seen), with the trend fading over {@link #FADE} (a trend does not last for ever:
 * {@code delta = rate * fade * (1 - exp(-h / fade))}). The error spread grows with the horizon as
 * the persistence baseline's measured error (Münster, docs/sources.md#forecast-baselines: mean absolute error
 * 1.5 / 2.7 / 5.0 % of capacity at 15 / 30 / 60 min; sd = MAE * sqrt(pi / 2) for a normal error),
 * extended beyond 60 min at the 30-60 min slope up to 15 % of capacity (an assumption).
 *
 * <p>Feed it every live state ({@link #observe}); thread-safe.
 */
public final class TrendForecast implements ArrivalForecast {

    /** States older than this (relative to the newest) do not enter the rate. */
    public static final Duration WINDOW = Duration.ofMinutes(20);
    /** Time constant over which an observed rate fades out. */
    public static final Duration FADE = Duration.ofMinutes(30);
    private static final int MAX_POINTS = 64;
    private static final double MIN_SPAN_MS = 3 * 60_000;
    private static final double[] HORIZON_MIN = {0, 15, 30, 60};
    private static final double[] MAE_SHARE = {0.005, 0.015, 0.027, 0.050};
    private static final double MAX_MAE_SHARE = 0.15;
    private static final double SD_PER_MAE = Math.sqrt(Math.PI / 2);

    /** One observation: when (ms since epoch) and how many spaces were free. */
    private record Track(long[] ms, int[] free) {
    }

    private final Map<String, Track> tracks = new ConcurrentHashMap<>();

    /** Records a live state (states without a number or time are ignored). */
    public void observe(FacilityState s) {
        if (s.free() == null || s.updatedAt() == null) {
            return;
        }
        long t = s.updatedAt().toEpochMilli();
        int free = s.free();
        tracks.compute(s.facilityId(), (id, old) -> append(old, t, free));
    }

    private static Track append(Track old, long t, int free) {
        if (old == null) {
            return new Track(new long[] {t}, new int[] {free});
        }
        int n = old.ms.length;
        if (t < old.ms[n - 1]) {
            return old;
        }
        int from = 0;
        while (from < n && (old.ms[from] < t - WINDOW.toMillis() || n - from >= MAX_POINTS)) {
            from++;
        }
        boolean replaceLast = from < n && old.ms[n - 1] == t;
        int keep = n - from - (replaceLast ? 1 : 0);
        long[] ms = Arrays.copyOf(Arrays.copyOfRange(old.ms, from, from + keep), keep + 1);
        int[] fr = Arrays.copyOf(Arrays.copyOfRange(old.free, from, from + keep), keep + 1);
        ms[keep] = t;
        fr[keep] = free;
        return new Track(ms, fr);
    }

    @Override
    public Prediction predict(String facilityId, FacilityState live, Instant arrival) {
        if (live.free() == null || live.updatedAt() == null || live.capacity() <= 0) {
            throw new IllegalArgumentException("facility " + facilityId + " has no usable live state to forecast from");
        }
        int capacity = live.capacity();
        double minutes = Math.max(0, Duration.between(live.updatedAt(), arrival).toMillis() / 60_000.0);
        double rate = ratePerMinute(tracks.get(facilityId), live.updatedAt().toEpochMilli(), capacity);
        double fade = FADE.toMinutes();
        double expected = live.free() + rate * fade * (1 - Math.exp(-minutes / fade));
        expected = Math.max(0, Math.min(capacity, expected));
        double sd = capacity * errorShare(minutes) * SD_PER_MAE;
        return Prediction.of(expected, sd);
    }

    /** Least-squares slope of free spaces per minute over the window before {@code asOf}, 0 without enough data. */
    static double ratePerMinute(Track track, long asOf, int capacity) {
        if (track == null) {
            return 0;
        }
        double sumT = 0;
        double sumF = 0;
        int n = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < track.ms.length; i++) {
            if (track.ms[i] <= asOf && track.ms[i] >= asOf - WINDOW.toMillis()) {
                sumT += (track.ms[i] - asOf) / 60_000.0;
                sumF += track.free[i];
                first = Math.min(first, track.ms[i]);
                last = Math.max(last, track.ms[i]);
                n++;
            }
        }
        if (n < 3 || last - first < MIN_SPAN_MS) {
            return 0;
        }
        double meanT = sumT / n;
        double meanF = sumF / n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < track.ms.length; i++) {
            if (track.ms[i] <= asOf && track.ms[i] >= asOf - WINDOW.toMillis()) {
                double dt = (track.ms[i] - asOf) / 60_000.0 - meanT;
                sxy += dt * (track.free[i] - meanF);
                sxx += dt * dt;
            }
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double limit = capacity / 30.0;
        return Math.max(-limit, Math.min(limit, slope));
    }

    /** Mean absolute forecast error as a share of capacity at a horizon in minutes. */
    static double errorShare(double minutes) {
        int last = HORIZON_MIN.length - 1;
        if (minutes >= HORIZON_MIN[last]) {
            double slope = (MAE_SHARE[last] - MAE_SHARE[last - 1]) / (HORIZON_MIN[last] - HORIZON_MIN[last - 1]);
            return Math.min(MAX_MAE_SHARE, MAE_SHARE[last] + slope * (minutes - HORIZON_MIN[last]));
        }
        int i = 1;
        while (minutes > HORIZON_MIN[i]) {
            i++;
        }
        double f = (minutes - HORIZON_MIN[i - 1]) / (HORIZON_MIN[i] - HORIZON_MIN[i - 1]);
        return MAE_SHARE[i - 1] + f * (MAE_SHARE[i] - MAE_SHARE[i - 1]);
    }
}
