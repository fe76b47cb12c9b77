package de.parkleit.core.state;

import java.util.Locale;

/** Reasons the live state of a facility should be read with care. */
public enum QualityFlag {
    /** No reading for longer than the staleness limit: the number is not shown. */
    STALE,
    /** A reported free count lay outside 0..capacity and was clamped. */
    OUT_OF_RANGE,
    /** An implausible jump between consecutive readings. */
    JUMP,
    /** The gateway reported a capacity different from the configured one. */
    CAPACITY_CHANGED,
    /** Counter-derived occupancy drifted (below 0, above capacity, or nights that do not return). */
    COUNTER_DRIFT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
