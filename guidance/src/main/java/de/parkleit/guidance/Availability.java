package de.parkleit.guidance;

import java.util.Locale;

/** What guidance and signs may do with a facility now. */
public enum Availability {
    /** Open with a fresh free count. */
    OPEN,
    /** No usable number: never reported, stale, or its status is unknown. Shown as "—". */
    UNKNOWN,
    /** Set closed (by its gateway or an operator): never recommended, shown as closed. */
    CLOSED,
    /** Reserved by an operator (event, market): never recommended, shown as closed. */
    RESERVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Closed and reserved facilities are never recommended. */
    public boolean recommendable() {
        return this == OPEN || this == UNKNOWN;
    }
}
