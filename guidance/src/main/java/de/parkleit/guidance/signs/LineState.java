package de.parkleit.guidance.signs;

import java.util.Locale;

/** What a sign line says about its facility. */
public enum LineState {
    FREE, ALMOST_FULL, FULL, CLOSED, UNKNOWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static LineState of(OccupancyLevel level) {
        return switch (level) {
            case FREE -> FREE;
            case ALMOST_FULL -> ALMOST_FULL;
            case FULL -> FULL;
        };
    }
}
