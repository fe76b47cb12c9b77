package de.parkleit.core.sign;

import java.util.Locale;

/** What a sign line says about its facility. */
public enum LineState {
    FREE, ALMOST_FULL, FULL, CLOSED, UNKNOWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state for its wire name; null if there is none. */
    public static LineState parseOrNull(String wireName) {
        for (LineState s : values()) {
            if (s.wireName().equals(wireName)) {
                return s;
            }
        }
        return null;
    }
}
