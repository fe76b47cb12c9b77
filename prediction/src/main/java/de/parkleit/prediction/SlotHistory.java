package de.parkleit.prediction;

import java.util.Arrays;
import java.util.Objects;

/**
 * The recent past of one facility on the slot grid, in a ring buffer of a fixed number of weeks: what a forecaster
 * may look at. Values arrive in time order ({@link #put}); older slots fall out of the ring. Not thread-safe.
 */
public final class SlotHistory implements SeriesView {

    private final String facilityId;
    private final SlotClock clock;
    private final float[] ring;
    private int capacity;
    private long latest = Long.MIN_VALUE;

    /** @param weeks how many weeks to keep (a forecaster's longest look-back plus one is enough) */
    public SlotHistory(String facilityId, SlotClock clock, int capacity, int weeks) {
        this.facilityId = Objects.requireNonNull(facilityId, "facilityId");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (weeks < 1) {
            throw new IllegalArgumentException("weeks must be >= 1, got " + weeks);
        }
        this.ring = new float[weeks * SlotClock.SLOTS_PER_WEEK + SlotClock.SLOTS_PER_DAY];
        Arrays.fill(ring, Float.NaN);
        setCapacity(capacity);
    }

    public void setCapacity(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be > 0, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Records the value of a slot ({@code NaN} for "no valid value"). A slot after the latest one moves time forward
     * and clears the slots in between; a slot at or before the latest one overwrites it if still in the ring.
     */
    public void put(long slot, double free) {
        if (latest == Long.MIN_VALUE || slot - latest >= ring.length) {
            Arrays.fill(ring, Float.NaN);
            latest = slot;
        } else if (slot > latest) {
            for (long s = latest + 1; s < slot; s++) {
                ring[index(s)] = Float.NaN;
            }
            latest = slot;
        } else if (latest - slot >= ring.length) {
            return;
        }
        ring[index(slot)] = (float) free;
    }

    /** Clears the slots [from, to] that are still in the ring. */
    public void erase(long from, long to) {
        for (long s = Math.max(from, firstSlot()); s <= Math.min(to, latest); s++) {
            ring[index(s)] = Float.NaN;
        }
    }

    /** True if nothing was put yet. */
    public boolean isEmpty() {
        return latest == Long.MIN_VALUE;
    }

    @Override
    public double freeAt(long slot) {
        if (latest == Long.MIN_VALUE || slot > latest || latest - slot >= ring.length) {
            return Double.NaN;
        }
        return ring[index(slot)];
    }

    @Override
    public long latestSlot() {
        return latest;
    }

    /** The oldest slot still held ({@link Long#MIN_VALUE} while empty). */
    @Override
    public long firstSlot() {
        return latest == Long.MIN_VALUE ? Long.MIN_VALUE : latest - ring.length + 1;
    }

    /**
     * The latest slot with a value at or before {@code slot}, looking back at most {@code maxSlots}; or
     * {@link Long#MIN_VALUE} if none.
     */
    public long latestValidAtOrBefore(long slot, int maxSlots) {
        if (latest == Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        long oldest = Math.max(slot - maxSlots, latest - ring.length + 1);
        for (long s = Math.min(slot, latest); s >= oldest; s--) {
            if (!Float.isNaN(ring[index(s)])) {
                return s;
            }
        }
        return Long.MIN_VALUE;
    }

    @Override
    public String facilityId() {
        return facilityId;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public SlotClock clock() {
        return clock;
    }

    private int index(long slot) {
        return (int) Math.floorMod(slot, (long) ring.length);
    }
}
