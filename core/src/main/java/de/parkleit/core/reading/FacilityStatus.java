package de.parkleit.core.reading;

import java.util.Locale;

/** Operating status of a facility. UNKNOWN means no fresh data; RESERVED is set by operators (events, markets). */
public enum FacilityStatus {
    OPEN, CLOSED, RESERVED, UNKNOWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code open}, {@code closed}, ...; returns null for anything else. */
    public static FacilityStatus parseOrNull(String s) {
        if (s == null) {
            return null;
        }
        for (FacilityStatus st : values()) {
            if (st.wireName().equals(s)) {
                return st;
            }
        }
        return null;
    }
}
