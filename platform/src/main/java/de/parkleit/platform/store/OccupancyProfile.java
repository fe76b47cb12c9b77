package de.parkleit.platform.store;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Folds occupancy buckets into a weekday x time-of-day profile in a city's local time. Done in Java,
 * the same for both adapters: the store answers plain UTC buckets of the slot size, and each bucket
 * lands in the cell of its local start time (so DST moves buckets between cells, not the cells).
 */
public final class OccupancyProfile {

    public static final List<Duration> SLOTS = List.of(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1));
    public static final int MAX_WEEKS = 52;

    private OccupancyProfile() {
    }

    /** The history window a profile reads: {@code weeks} weeks before {@code until}, buckets of {@code slot}. */
    public static HistoryWindow window(Instant until, int weeks, Duration slot) {
        Objects.requireNonNull(until, "until");
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw new IllegalArgumentException("weeks must be between 1 and " + MAX_WEEKS + ", got " + weeks);
        }
        if (!SLOTS.contains(slot)) {
            throw new IllegalArgumentException("slot must be one of 15m, 30m, 1h, got " + slot);
        }
        return new HistoryWindow(until.minus(Duration.ofDays(7L * weeks)), until, slot);
    }

    /** Combines buckets (weighted by samples) into profile cells ordered by weekday and slot. */
    public static List<ProfileCell> fold(List<OccupancyBucket> buckets, Duration slot, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        long slotMin = slot.toMinutes();
        Map<Integer, double[]> cells = new TreeMap<>(); // key weekday*1440+minute -> sum, n, min, max
        for (OccupancyBucket b : buckets) {
            if (b.samples() <= 0) {
                continue;
            }
            ZonedDateTime local = b.start().atZone(zone);
            int minute = (int) ((local.getHour() * 60L + local.getMinute()) / slotMin * slotMin);
            int key = (local.getDayOfWeek().getValue() - 1) * 1440 + minute;
            double[] c = cells.computeIfAbsent(key, k -> new double[] {0, 0, Double.MAX_VALUE, -Double.MAX_VALUE});
            c[0] += b.meanFree() * b.samples();
            c[1] += b.samples();
            c[2] = Math.min(c[2], b.minFree());
            c[3] = Math.max(c[3], b.maxFree());
        }
        List<ProfileCell> out = new ArrayList<>(cells.size());
        cells.forEach((key, c) -> out.add(new ProfileCell(DayOfWeek.of(key / 1440 + 1), LocalTime.ofSecondOfDay((key % 1440) * 60L),
                c[0] / c[1], (int) c[2], (int) c[3], (long) c[1])));
        return out;
    }
}
