package de.parkleit.guidance;

/**
 * Expected time from reaching a facility to standing in a space: entry/ramp time plus a search
 * that grows with occupancy {@code u} as {@code perSpace / (1 - u)^exponent}, capped. With
 * {@code 1 / (1 - u)} alone (spaces passed until a vacant one when each is vacant with
 * probability {@code 1 - u}, Arnott &amp; Inci) search stays low until about 98 %, which
 * underestimates search at high occupancy (Arnott &amp; Williams 2016; simulations rise steeply
 * above about 90 %, Levy, Martens, Benenson 2013; docs/sources.md#search-vs-occupancy), hence the exponent 1.5.
 * Defaults: 30 s entry, 6 s per space, cap 15 min: 47 s at 50 %, 97 s at 80 %, 220 s at 90 %,
 * 567 s at 95 %, the cap from about 97 %.
 */
public record SearchTimeCurve(double baseSeconds, double perSpaceSeconds, double exponent, double maxSeconds) {

    public static final SearchTimeCurve DEFAULT = new SearchTimeCurve(30, 6, 1.5, 900);

    public SearchTimeCurve {
        if (!(baseSeconds >= 0) || !(perSpaceSeconds >= 0) || !(exponent >= 1) || !(maxSeconds >= baseSeconds)) {
            throw new IllegalArgumentException("search time curve needs base >= 0, perSpace >= 0, exponent >= 1, max >= base");
        }
    }

    /** Expected seconds to find a space at occupancy share {@code u} (0..1; at or above 1: the cap). */
    public double seconds(double u) {
        if (Double.isNaN(u) || u >= 1) {
            return maxSeconds;
        }
        double vacant = 1 - Math.max(0, u);
        return Math.min(maxSeconds, baseSeconds + perSpaceSeconds / Math.pow(vacant, exponent));
    }
}
