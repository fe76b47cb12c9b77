package de.parkleit.core.state;

import java.util.Locale;

/** Direction occupancy is moving in, from the recent readings. */
public enum Trend {
    FILLING, STEADY, EMPTYING, UNKNOWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
