package de.parkleit.guidance.signs;

import de.parkleit.core.sign.Arrow;
import de.parkleit.routing.graph.GeoPoint;

/**
 * The turn a route makes at its first decision point (a junction with more than one way on).
 *
 * @param at             the junction, or null when the route reaches its end before any decision
 * @param turnDegrees    turn from the arriving to the leaving direction, clockwise positive
 * @param metersFromSign driven distance from the sign to the junction (or to the end)
 */
public record TurnDecision(Arrow arrow, GeoPoint at, double turnDegrees, double metersFromSign) {

    public static final TurnDecision NO_ROUTE = new TurnDecision(Arrow.NONE, null, 0, Double.NaN);
}
