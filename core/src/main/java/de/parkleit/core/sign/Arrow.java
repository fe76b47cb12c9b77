package de.parkleit.core.sign;

import java.util.Locale;

/** The arrow a sign shows beside a facility: the turn at the next decision point. */
public enum Arrow {
    STRAIGHT("↑"),
    SLIGHT_LEFT("↖"),
    LEFT("←"),
    SLIGHT_RIGHT("↗"),
    RIGHT("→"),
    /** No route from the sign to the facility (shown without arrow). */
    NONE("");

    private final String glyph;

    Arrow(String glyph) {
        this.glyph = glyph;
    }

    /** {@code straight}, {@code slight_left}, ... and {@code ""} for none, as on the sign topic. */
    public String wireName() {
        return this == NONE ? "" : name().toLowerCase(Locale.ROOT);
    }

    /** The arrow for its wire name ({@code ""} is none); null if there is none, e.g. {@code back}, which is never sent. */
    public static Arrow parseOrNull(String wireName) {
        for (Arrow a : values()) {
            if (a.wireName().equals(wireName)) {
                return a;
            }
        }
        return null;
    }

    public String glyph() {
        return glyph;
    }

    /**
     * The arrow for a turn of {@code degrees} (clockwise positive, -180..180) at a junction:
     * within 30 degrees straight (or slight if another exit is straighter, a fork), up to 60
     * slight, beyond that left or right.
     */
    public static Arrow ofTurn(double degrees, boolean straighterExitExists) {
        double a = Math.abs(degrees);
        if (a <= 30 && !straighterExitExists) {
            return STRAIGHT;
        }
        if (a <= 60) {
            return degrees < 0 ? SLIGHT_LEFT : SLIGHT_RIGHT;
        }
        return degrees < 0 ? LEFT : RIGHT;
    }
}
