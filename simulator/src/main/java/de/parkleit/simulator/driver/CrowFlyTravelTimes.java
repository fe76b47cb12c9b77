package de.parkleit.simulator.driver;

import java.util.List;
import java.util.Optional;

/**
 * Travel without a road network: straight-line distance times a detour factor, at a constant
 * urban speed. A fallback for runs where no network is wired; reports say when it was used.
 */
public final class CrowFlyTravelTimes implements TravelTimes {

    /** Typical ratio of network to straight-line distance in cities (circuity ~1.2–1.4). */
    public static final double DEFAULT_DETOUR = 1.3;
    public static final double DEFAULT_SPEED_KMH = 25;

    private final double detour;
    private final double metersPerSecond;

    public CrowFlyTravelTimes() {
        this(DEFAULT_DETOUR, DEFAULT_SPEED_KMH);
    }

    public CrowFlyTravelTimes(double detour, double speedKmh) {
        if (!(detour >= 1) || !(speedKmh > 0)) {
            throw new IllegalArgumentException("detour must be >= 1 and speed > 0");
        }
        this.detour = detour;
        this.metersPerSecond = speedKmh / 3.6;
    }

    @Override
    public Optional<Drive> route(Position from, Position to) {
        double m = from.metersTo(to) * detour;
        return Optional.of(new Drive(m, m / metersPerSecond, List.of(from, to)));
    }
}
