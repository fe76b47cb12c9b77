package de.parkleit.guidance.signs;

/**
 * Occupancy thresholds in percent with hysteresis, as DATEX II's {@code parkingThresholds}
 * ({@code almostFullIncreasing}, {@code almostFullDecreasing}, {@code fullIncreasing},
 * {@code fullDecreasing}): a level is entered when occupancy rises to its rising threshold and
 * left only when it falls below its (lower) falling threshold, so a sign does not flicker
 * while occupancy hovers around one value.
 */
public record Thresholds(double almostFullRising, double almostFullFalling, double fullRising, double fullFalling) {

    /** 85/80 % almost full and 95/90 % full ("full" at 85-90 % is the planning convention, docs/sources.md#full-threshold). */
    public static final Thresholds DEFAULT = new Thresholds(85, 80, 95, 90);

    public Thresholds {
        if (!(almostFullFalling >= 0 && almostFullFalling < almostFullRising && fullFalling < fullRising && fullRising <= 100
                && almostFullRising <= fullRising && almostFullFalling <= fullFalling)) {
            throw new IllegalArgumentException("sign thresholds must satisfy 0 <= almost-full falling < rising, full falling < "
                    + "rising <= 100, almost-full <= full; got " + this);
        }
    }

    /**
     * The level at {@code occupancyPct} coming from {@code previous} (null: no previous level, as
     * after a start or a stale period; then the rising thresholds apply).
     */
    public OccupancyLevel next(OccupancyLevel previous, double occupancyPct) {
        if (occupancyPct >= (previous == OccupancyLevel.FULL ? fullFalling : fullRising)) {
            return OccupancyLevel.FULL;
        }
        boolean wasAlmost = previous == OccupancyLevel.ALMOST_FULL || previous == OccupancyLevel.FULL;
        if (occupancyPct >= (wasAlmost ? almostFullFalling : almostFullRising)) {
            return OccupancyLevel.ALMOST_FULL;
        }
        return OccupancyLevel.FREE;
    }

    /** The threshold that decided a change from {@code from} to {@code to}, for the audit log. */
    public String explain(OccupancyLevel from, OccupancyLevel to) {
        if (from == null || from == to) {
            return "";
        }
        boolean rising = to.ordinal() > from.ordinal();
        double t = switch (rising ? to : from) {
            case FULL -> rising ? fullRising : fullFalling;
            case ALMOST_FULL -> rising ? almostFullRising : almostFullFalling;
            case FREE -> 0;
        };
        return (rising ? "rose to >= " : "fell below ") + fmt(t) + " %";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
