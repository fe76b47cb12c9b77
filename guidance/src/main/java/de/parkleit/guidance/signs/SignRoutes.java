package de.parkleit.guidance.signs;

import de.parkleit.core.sign.Arrow;
import de.parkleit.core.facility.Facility;
import de.parkleit.routing.graph.GeoPoint;
import de.parkleit.routing.graph.Snap;
import de.parkleit.routing.network.NoRouteException;
import de.parkleit.routing.network.Optimize;
import de.parkleit.routing.network.RoadNetwork;
import de.parkleit.routing.network.Route;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes from each sign to the facilities it shows and takes the arrow from the first decision
 * point. A sign is placed on the carriageway its readers drive on: the nearest road within
 * {@link #MAX_SIGN_DISTANCE_M}, in the direction within 60 degrees of the sign's heading, so the
 * route cannot start with a U-turn. Blocking (route searches): call it from a worker.
 */
public final class SignRoutes {

    /** A sign farther than this from every road is misplaced. */
    public static final double MAX_SIGN_DISTANCE_M = 40;
    private static final double MAX_HEADING_DIFF = 60;

    private final RoadNetwork network;
    private final EdgeBearings bearings;
    private final DecisionPoints decisions;

    public SignRoutes(RoadNetwork network) {
        this.network = network;
        this.bearings = new EdgeBearings(network.graph());
        this.decisions = new DecisionPoints(network.graph());
    }

    /**
     * The sign's position on the road its readers travel, one direction only.
     *
     * @throws IllegalArgumentException if no road runs in the sign's heading close to it
     */
    public Snap place(Sign sign) {
        GeoPoint p = new GeoPoint(sign.lat(), sign.lon());
        Snap s = network.snap(p).filter(x -> x.distanceMeters() <= MAX_SIGN_DISTANCE_M).orElseThrow(() ->
                new IllegalArgumentException("sign " + sign.id() + " is not within " + MAX_SIGN_DISTANCE_M + " m of a road"));
        int along = aligned(s.forwardEdge(), s.fraction(), sign.heading());
        int against = aligned(s.backwardEdge(), 1 - s.fraction(), sign.heading());
        if (along < 0 && against < 0) {
            throw new IllegalArgumentException("sign " + sign.id() + ": no road near it runs with heading "
                    + Math.round(sign.heading()) + " degrees (one-way the other way, or the heading is off)");
        }
        return directed(s, along, against);
    }

    /**
     * The snap restricted to one edge (the one in the sign's heading) and never a junction (a
     * junction snap may leave over any edge, which would allow a U-turn).
     */
    private static Snap directed(Snap s, int along, int against) {
        return new Snap(s.segment(), s.fraction(), s.point(), s.distanceMeters(), along, along >= 0 ? -1 : against, -1);
    }

    private int aligned(int edge, double at, double heading) {
        if (edge < 0) {
            return -1;
        }
        double b = bearings.at(edge, at);
        return Math.abs(EdgeBearings.turn(heading, b)) <= MAX_HEADING_DIFF ? edge : -1;
    }

    /** The turn at the first decision point of the route from the sign to the facility. */
    public TurnDecision decision(Sign sign, Facility facility) {
        return decision(place(sign), facility);
    }

    private TurnDecision decision(Snap from, Facility facility) {
        Optional<Snap> to = network.snap(new GeoPoint(facility.lat(), facility.lon()));
        if (to.isEmpty()) {
            return TurnDecision.NO_ROUTE;
        }
        try {
            Route r = network.route(from, to.get(), Optimize.TIME);
            return decisions.first(r.path().edges(), r.path().startFraction());
        } catch (NoRouteException e) {
            return TurnDecision.NO_ROUTE;
        }
    }

    /** The arrow per facility id for one sign, in the sign's order. */
    public Map<String, Arrow> arrows(Sign sign, List<Facility> facilities) {
        Snap from = place(sign);
        Map<String, Arrow> out = new LinkedHashMap<>();
        for (Facility f : facilities) {
            out.put(f.id(), decision(from, f).arrow());
        }
        return out;
    }
}
