package de.parkleit.prediction;

import java.util.BitSet;

/** Applies {@link CleaningRules} to a whole series (with hindsight: a frozen run is dropped from its start). */
public final class SeriesCleaner {

    private final CleaningRules rules;

    public SeriesCleaner(CleaningRules rules) {
        this.rules = rules;
    }

    /** The cleaned series and what was dropped. */
    public record Result(OccupancySeries series, CleaningReport report) {
    }

    public Result clean(OccupancySeries raw) {
        float[] v = raw.values();
        BitSet full = raw.fullMarks();
        int before = count(v);
        int above = dropAboveCapacity(v, raw.capacity());
        int zeros = dropUnconnectedZeros(v, full, raw.capacity());
        int frozen = dropFrozenRuns(v, raw.firstSlot(), raw.clock());
        OccupancySeries cleaned = raw.withValues(v);
        return new Result(cleaned, new CleaningReport(raw.facilityId(), before, above, zeros, frozen, count(v)));
    }

    private static int dropAboveCapacity(float[] v, int capacity) {
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            if (v[i] > capacity) {
                v[i] = Float.NaN;
                n++;
            }
        }
        return n;
    }

    private int dropUnconnectedZeros(float[] v, BitSet full, int capacity) {
        int dropped = 0;
        int gap = rules.maxGapMinutes() / 5;
        int lastNonZero = -1;
        int i = 0;
        while (i < v.length) {
            if (Float.isNaN(v[i]) || v[i] != 0f) {
                if (!Float.isNaN(v[i])) {
                    lastNonZero = i;
                }
                i++;
                continue;
            }
            int end = endOfRun(v, i, 0f, gap);
            boolean afterNearFull = lastNonZero >= 0 && (i - lastNonZero) * 5 <= rules.zeroLookbackMinutes()
                    && v[lastNonZero] <= rules.nearFullSpaces(capacity);
            boolean shortEnough = (end - i + 1) * 5 <= rules.maxFullRunMinutes();
            boolean keep = afterNearFull && shortEnough;
            for (int j = i; j <= end; j++) {
                if (v[j] == 0f && !keep && !full.get(j)) {
                    v[j] = Float.NaN;
                    dropped++;
                }
            }
            i = end + 1;
        }
        return dropped;
    }

    private int dropFrozenRuns(float[] v, long firstSlot, SlotClock clock) {
        int dropped = 0;
        int gap = rules.maxGapMinutes() / 5;
        int i = 0;
        while (i < v.length) {
            if (Float.isNaN(v[i]) || v[i] == 0f) {
                i++;
                continue;
            }
            int end = endOfRun(v, i, v[i], gap);
            if (longestDaytimeStretchMinutes(v, i, end, firstSlot, clock) >= rules.frozenMinutes()) {
                for (int j = i; j <= end; j++) {
                    if (!Float.isNaN(v[j])) {
                        v[j] = Float.NaN;
                        dropped++;
                    }
                }
            }
            i = end + 1;
        }
        return dropped;
    }

    /** Last index of the run of {@code value} starting at {@code start}; NaN gaps up to {@code gap} slots are bridged. */
    private static int endOfRun(float[] v, int start, float value, int gap) {
        int end = start;
        for (int j = start + 1; j < v.length && j - end <= gap; j++) {
            if (Float.isNaN(v[j])) {
                continue;
            }
            if (v[j] != value) {
                break;
            }
            end = j;
        }
        return end;
    }

    private long longestDaytimeStretchMinutes(float[] v, int start, int end, long firstSlot, SlotClock clock) {
        long longest = 0;
        long stretchStart = Long.MIN_VALUE;
        long previous = Long.MIN_VALUE;
        for (int j = start; j <= end; j++) {
            if (Float.isNaN(v[j])) {
                continue;
            }
            long slot = firstSlot + j;
            boolean day = clock.inLocalWindow(slot, rules.dayStartMinute(), rules.dayEndMinute());
            if (!day) {
                stretchStart = Long.MIN_VALUE;
                continue;
            }
            if (stretchStart == Long.MIN_VALUE || slot - previous > rules.maxGapMinutes() / 5) {
                stretchStart = slot;
            }
            previous = slot;
            longest = Math.max(longest, (slot - stretchStart + 1) * 5);
        }
        return longest;
    }

    private static int count(float[] v) {
        int n = 0;
        for (float x : v) {
            if (!Float.isNaN(x)) {
                n++;
            }
        }
        return n;
    }
}
