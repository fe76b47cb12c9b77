package de.parkleit.guidance.signs;

import de.parkleit.core.sign.Arrow;
import de.parkleit.routing.graph.GeoPoint;
import de.parkleit.routing.graph.RoadGraph;

/**
 * Finds the first decision point on a route: the first junction where the driver has to leave the
 * road ahead, i.e. where another way on exists (turning back does not count) and the route does not
 * simply continue straight ({@link Arrow#ofTurn}: a turn of more than 30 degrees, or the less
 * straight branch of a fork). Junctions the route crosses straight on are passed, as a driver
 * passes them. A first turn farther than the look-ahead from the sign, or none at all before the
 * route ends, means straight on.
 */
public final class DecisionPoints {

    /** A turn farther than this from the sign is not announced (the sign says straight on). */
    public static final double DEFAULT_LOOKAHEAD_M = 300;

    private final RoadGraph graph;
    private final EdgeBearings bearings;
    private final double lookaheadMeters;

    public DecisionPoints(RoadGraph graph) {
        this(graph, DEFAULT_LOOKAHEAD_M);
    }

    public DecisionPoints(RoadGraph graph, double lookaheadMeters) {
        this.graph = graph;
        this.bearings = new EdgeBearings(graph);
        this.lookaheadMeters = lookaheadMeters;
    }

    /**
     * @param edges         the route's directed edges in travel order
     * @param startFraction where the route starts on its first edge (0 = tail)
     */
    public TurnDecision first(int[] edges, double startFraction) {
        if (edges.length == 0) {
            return new TurnDecision(Arrow.STRAIGHT, null, 0, 0);
        }
        double meters = graph.lengthMeters(edges[0]) * (1 - startFraction);
        for (int i = 0; i + 1 < edges.length && meters <= lookaheadMeters; i++) {
            int in = edges[i];
            int out = edges[i + 1];
            int node = graph.head(in);
            double arriving = bearings.arriving(in);
            double chosen = EdgeBearings.turn(arriving, bearings.leaving(out));
            boolean decision = false;
            boolean straighter = false;
            for (int e = graph.firstOut(node); e < graph.firstOut(node + 1); e++) {
                if (e == out || e == graph.twin(in)) {
                    continue;
                }
                decision = true;
                double alt = EdgeBearings.turn(arriving, bearings.leaving(e));
                straighter |= Math.abs(alt) < Math.abs(chosen);
            }
            Arrow arrow = Arrow.ofTurn(chosen, straighter);
            if (decision && arrow != Arrow.STRAIGHT) {
                return new TurnDecision(arrow, new GeoPoint(graph.lat(node), graph.lon(node)), chosen, meters);
            }
            meters += graph.lengthMeters(out);
        }
        return new TurnDecision(Arrow.STRAIGHT, null, 0, meters);
    }
}
