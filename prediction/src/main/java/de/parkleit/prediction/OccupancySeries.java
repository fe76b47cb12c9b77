package de.parkleit.prediction;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The free spaces of one facility over a period, on the five-minute slot grid: {@code NaN} where there is no valid
 * reading. Slots reported as full by an explicit code (the export's {@code bes}) are marked, because the cleaning
 * rules treat them differently from a bare {@code 0}; slots reported as closed (the export's {@code ges}) are marked
 * too (their value is {@code NaN}: a closed car park says nothing about demand, but a replay sends it as closed).
 * Immutable.
 */
public final class OccupancySeries implements SeriesView {

    private final String facilityId;
    private final String name;
    private final int capacity;
    private final SlotClock clock;
    private final long firstSlot;
    private final float[] free;
    private final BitSet fullByCode;
    private final BitSet closedByCode;

    /**
     * @param free       free spaces per slot from {@code firstSlot} on, {@code NaN} for none (copied)
     * @param fullByCode slots (relative to {@code firstSlot}) whose value came from an explicit "full" code (copied)
     */
    public OccupancySeries(String facilityId, String name, int capacity, SlotClock clock, long firstSlot,
                           float[] free, BitSet fullByCode) {
        this(facilityId, name, capacity, clock, firstSlot, free, fullByCode, new BitSet());
    }

    /** As above, with the slots (relative to {@code firstSlot}) reported closed by an explicit code (copied). */
    public OccupancySeries(String facilityId, String name, int capacity, SlotClock clock, long firstSlot,
                           float[] free, BitSet fullByCode, BitSet closedByCode) {
        this.facilityId = Objects.requireNonNull(facilityId, "facilityId");
        this.name = Objects.requireNonNull(name, "name");
        if (capacity <= 0) {
            throw new IllegalArgumentException(facilityId + ": capacity must be > 0, got " + capacity);
        }
        this.capacity = capacity;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.firstSlot = firstSlot;
        this.free = free.clone();
        this.fullByCode = (BitSet) fullByCode.clone();
        this.closedByCode = (BitSet) closedByCode.clone();
    }

    @Override
    public String facilityId() {
        return facilityId;
    }

    /** Human-readable name (the export's column header). */
    public String name() {
        return name;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public SlotClock clock() {
        return clock;
    }

    @Override
    public long firstSlot() {
        return firstSlot;
    }

    /** Number of slots covered, valid or not. */
    public int length() {
        return free.length;
    }

    @Override
    public long latestSlot() {
        return firstSlot + free.length - 1;
    }

    @Override
    public double freeAt(long slot) {
        long i = slot - firstSlot;
        return i < 0 || i >= free.length ? Double.NaN : free[(int) i];
    }

    /** True if the slot's value came from an explicit "full" code. */
    public boolean isFullByCode(long slot) {
        long i = slot - firstSlot;
        return i >= 0 && i < free.length && fullByCode.get((int) i);
    }

    /** True if the slot was reported closed by an explicit code (its value is {@code NaN}). */
    public boolean isClosedByCode(long slot) {
        long i = slot - firstSlot;
        return i >= 0 && i < free.length && closedByCode.get((int) i);
    }

    /** Number of slots with a valid value. */
    public int validCount() {
        int n = 0;
        for (float v : free) {
            if (!Float.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    /** A copy of the values (for cleaning). */
    float[] values() {
        return free.clone();
    }

    /** A copy of the full-by-code marks (for cleaning). */
    BitSet fullMarks() {
        return (BitSet) fullByCode.clone();
    }

    /** The same facility with other values (same grid). */
    OccupancySeries withValues(float[] values) {
        if (values.length != free.length) {
            throw new IllegalArgumentException("length " + values.length + " != " + free.length);
        }
        return new OccupancySeries(facilityId, name, capacity, clock, firstSlot, values, fullByCode, closedByCode);
    }

    /** A builder for a series from readings in any order (a later reading for the same slot wins). */
    public static Builder builder(String facilityId, int capacity, ZoneId zone) {
        return new Builder(facilityId, capacity, new SlotClock(zone));
    }

    /** Collects readings for {@link OccupancySeries#builder}. */
    public static final class Builder {
        private final String facilityId;
        private final int capacity;
        private final SlotClock clock;
        private final TreeMap<Long, Float> values = new TreeMap<>();
        private final TreeMap<Long, Boolean> full = new TreeMap<>();

        private Builder(String facilityId, int capacity, SlotClock clock) {
            this.facilityId = facilityId;
            this.capacity = capacity;
            this.clock = clock;
        }

        /** A reading of free spaces ({@code NaN} for "no data"). */
        public Builder add(Instant ts, double free) {
            long slot = SlotClock.slotOf(ts);
            values.put(slot, (float) free);
            full.remove(slot);
            return this;
        }

        /** An explicit "full" report. */
        public Builder addFull(Instant ts) {
            long slot = SlotClock.slotOf(ts);
            values.put(slot, 0f);
            full.put(slot, true);
            return this;
        }

        public OccupancySeries build() {
            if (values.isEmpty()) {
                throw new IllegalStateException(facilityId + ": no readings");
            }
            long first = values.firstKey();
            float[] grid = new float[Math.toIntExact(values.lastKey() - first + 1)];
            Arrays.fill(grid, Float.NaN);
            values.forEach((slot, v) -> grid[(int) (slot - first)] = v);
            BitSet marks = new BitSet(grid.length);
            full.keySet().forEach(slot -> marks.set((int) (slot - first)));
            return new OccupancySeries(facilityId, facilityId, capacity, clock, first, grid, marks);
        }
    }

    @Override
    public String toString() {
        return "OccupancySeries[" + facilityId + ", capacity " + capacity + ", " + free.length + " slots, "
                + validCount() + " valid]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OccupancySeries s && s.facilityId.equals(facilityId) && s.capacity == capacity
                && s.firstSlot == firstSlot && Arrays.equals(s.free, free) && s.fullByCode.equals(fullByCode)
                && s.closedByCode.equals(closedByCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(facilityId, firstSlot, Arrays.hashCode(free));
    }
}
