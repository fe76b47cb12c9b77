package de.parkleit.routing.prediction;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * The free spaces of one facility over a period, on the five-minute slot grid: {@code NaN} where there is no valid
 * reading. Slots reported as full by an explicit code (the export's {@code bes}) are marked, because the cleaning
 * rules treat them differently from a bare {@code 0}. Immutable.
 */
public final class OccupancySeries implements SeriesView {

    private final String facilityId;
    private final String name;
    private final int capacity;
    private final SlotClock clock;
    private final long firstSlot;
    private final float[] free;
    private final BitSet fullByCode;

    /**
     * @param free       free spaces per slot from {@code firstSlot} on, {@code NaN} for none (copied)
     * @param fullByCode slots (relative to {@code firstSlot}) whose value came from an explicit "full" code (copied)
     */
    public OccupancySeries(String facilityId, String name, int capacity, SlotClock clock, long firstSlot,
                           float[] free, BitSet fullByCode) {
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
        return new OccupancySeries(facilityId, name, capacity, clock, firstSlot, values, fullByCode);
    }

    @Override
    public String toString() {
        return "OccupancySeries[" + facilityId + ", capacity " + capacity + ", " + free.length + " slots, "
                + validCount() + " valid]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OccupancySeries s && s.facilityId.equals(facilityId) && s.capacity == capacity
                && s.firstSlot == firstSlot && Arrays.equals(s.free, free) && s.fullByCode.equals(fullByCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(facilityId, firstSlot, Arrays.hashCode(free));
    }
}
