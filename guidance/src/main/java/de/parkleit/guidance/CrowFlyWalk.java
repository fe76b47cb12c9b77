package de.parkleit.guidance;

import de.parkleit.routing.graph.GeoPoint;
import java.util.List;

/**
 * The walk approximated until a foot network is available: great-circle distance times a detour
 * factor (default 1.3, a common circuity of urban street networks) at a walking speed (default
 * 4.8 km/h). The line is the straight segment; the answer says {@code approximation: crow-fly}.
 */
public final class CrowFlyWalk implements WalkRouter {

    public static final double DEFAULT_DETOUR = 1.3;
    public static final double DEFAULT_SPEED_KMH = 4.8;

    private final double detour;
    private final double metersPerSecond;

    public CrowFlyWalk(double detour, double speedKmh) {
        if (!(detour >= 1 && detour <= 3)) {
            throw new IllegalArgumentException("walk detour factor must be within 1..3, got " + detour);
        }
        if (!(speedKmh >= 1 && speedKmh <= 10)) {
            throw new IllegalArgumentException("walking speed must be within 1..10 km/h, got " + speedKmh);
        }
        this.detour = detour;
        this.metersPerSecond = speedKmh / 3.6;
    }

    @Override
    public WalkLeg walk(GeoPoint facility, GeoPoint destination) {
        double m = facility.distanceTo(destination) * detour;
        return new WalkLeg(m, m / metersPerSecond, List.of(facility, destination), "crow-fly");
    }
}
