package de.parkleit.routing.traffic;

import java.time.Duration;
import java.util.Objects;

/**
 * How live traffic changes travel times.
 *
 * @param freshFor     a reading counts in full for this long after its timestamp
 * @param decayOver    then its effect fades linearly to free flow over this long
 * @param snapMeters   a detector farther than this from every road is ignored
 * @param maxSlowdown  cap on the factor by which traffic can multiply a free-flow time
 */
public record TrafficConfig(Duration freshFor, Duration decayOver, double snapMeters, double maxSlowdown) {

    public static final TrafficConfig DEFAULTS = new TrafficConfig(Duration.ofMinutes(5), Duration.ofMinutes(10), 30, 20);

    public TrafficConfig {
        Objects.requireNonNull(freshFor, "freshFor");
        Objects.requireNonNull(decayOver, "decayOver");
        if (freshFor.isNegative() || decayOver.isNegative()) {
            throw new IllegalArgumentException("traffic freshness and decay must be >= 0");
        }
        if (!(snapMeters > 0) || !(maxSlowdown >= 1)) {
            throw new IllegalArgumentException("snapMeters must be > 0 and maxSlowdown >= 1");
        }
    }

    /** Weight 1 while fresh, fading linearly to 0 over the decay period. */
    double influence(Duration age) {
        if (age.compareTo(freshFor) <= 0) {
            return 1;
        }
        if (decayOver.isZero()) {
            return 0;
        }
        double over = (age.toMillis() - freshFor.toMillis()) / (double) decayOver.toMillis();
        return Math.max(0, 1 - over);
    }
}
