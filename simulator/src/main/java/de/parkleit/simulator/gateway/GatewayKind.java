package de.parkleit.simulator.gateway;

import java.util.Locale;

/** What a facility's gateway measures: free spaces, entries/exits at the barrier, or each space. */
public enum GatewayKind {
    OCCUPANCY, COUNTS, SPACES;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GatewayKind parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
