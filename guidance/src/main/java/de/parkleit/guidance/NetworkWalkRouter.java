package de.parkleit.guidance;

import de.parkleit.routing.graph.GeoPoint;
import de.parkleit.routing.graph.TravelMode;
import de.parkleit.routing.network.Optimize;
import de.parkleit.routing.network.RoadNetwork;
import de.parkleit.routing.network.Route;
import de.parkleit.routing.network.RoutingException;

/**
 * The walk on a foot network ({@link TravelMode#FOOT}): the shortest path from the facility to the
 * destination at a walking speed; where either end is off the foot network or no path joins them,
 * the crow-fly approximation answers instead. Thread-safe; blocking (a search per walk).
 */
public final class NetworkWalkRouter implements WalkRouter {

    private final RoadNetwork foot;
    private final double metersPerSecond;
    private final CrowFlyWalk fallback;

    public NetworkWalkRouter(RoadNetwork foot, double speedKmh, CrowFlyWalk fallback) {
        if (foot.graph().mode() != TravelMode.FOOT) {
            throw new IllegalArgumentException("the walk needs a foot network, got " + foot.graph().mode());
        }
        this.foot = foot;
        this.metersPerSecond = speedKmh / 3.6;
        this.fallback = fallback;
    }

    @Override
    public WalkLeg walk(GeoPoint facility, GeoPoint destination) {
        try {
            Route r = foot.route(facility, destination, Optimize.DISTANCE);
            double m = r.distanceMeters() + foot.snap(facility).map(s -> s.distanceMeters()).orElse(0.0)
                    + foot.snap(destination).map(s -> s.distanceMeters()).orElse(0.0);
            java.util.List<GeoPoint> line = new java.util.ArrayList<>();
            line.add(facility);
            line.addAll(r.points());
            line.add(destination);
            return new WalkLeg(m, m / metersPerSecond, line, "foot-network");
        } catch (RoutingException e) {
            return fallback.walk(facility, destination);
        }
    }
}
