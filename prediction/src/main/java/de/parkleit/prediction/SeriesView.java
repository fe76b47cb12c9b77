package de.parkleit.prediction;

/**
 * Read access to the free spaces of one facility on the five-minute slot grid, as known at some moment: slots
 * after {@link #latestSlot()} and slots without a valid reading read as {@code NaN}. Forecasters see nothing else,
 * so they cannot look into the future.
 */
public interface SeriesView {

    /** The facility whose series this is. */
    String facilityId();

    /** Free spaces in the slot, or {@code NaN} if there is no valid reading (or the slot is not yet known). */
    double freeAt(long slot);

    /** The first slot that may hold a value. */
    long firstSlot();

    /** The last slot that may hold a value. */
    long latestSlot();

    /** Capacity of the facility (&gt; 0). */
    int capacity();

    /** The clock that gives slots their local weekday and time of day. */
    SlotClock clock();

    /** Free share of capacity in the slot (0..1 for clean data), or {@code NaN}. */
    default double shareAt(long slot) {
        return freeAt(slot) / capacity();
    }
}
