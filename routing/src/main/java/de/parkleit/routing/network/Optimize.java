package de.parkleit.routing.network;

import java.util.Locale;

/** What a route minimises: travel time under the current traffic, or driven distance. */
public enum Optimize {
    TIME,
    DISTANCE;

    /** Parses {@code time} or {@code distance} (any case); throws IllegalArgumentException otherwise. */
    public static Optimize parse(String value) {
        return switch (value == null ? "" : value.trim().toLowerCase(Locale.ROOT)) {
            case "time" -> TIME;
            case "distance" -> DISTANCE;
            default -> throw new IllegalArgumentException("optimize must be 'time' or 'distance', got '" + value + "'");
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
