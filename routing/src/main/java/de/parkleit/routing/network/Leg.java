package de.parkleit.routing.network;

import de.parkleit.routing.graph.Snap;
import de.parkleit.routing.search.EdgePath;

/**
 * How to get to one destination of a one-to-many query, without geometry (ask
 * {@link RoadNetwork#toRoute(Leg)} for the line).
 *
 * @param target index of the destination in the query's list
 * @param from   the snapped origin
 * @param to     the snapped destination
 */
public record Leg(int target, Snap from, Snap to, double distanceMeters, double durationSeconds, EdgePath path, Optimize optimize,
                  long weightsVersion) {
}
