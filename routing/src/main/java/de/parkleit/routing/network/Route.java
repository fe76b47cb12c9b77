package de.parkleit.routing.network;

import de.parkleit.routing.graph.GeoPoint;
import de.parkleit.routing.search.EdgePath;
import java.util.List;

/**
 * A route on the road network.
 *
 * @param distanceMeters  driven (or walked) length
 * @param durationSeconds travel time under the weights the route was searched with (traffic version {@code weightsVersion})
 * @param points          the line from the snapped origin to the snapped destination
 * @param path            the graph edges, for turn-by-turn or sign decisions
 */
public record Route(double distanceMeters, double durationSeconds, List<GeoPoint> points, EdgePath path,
                    Optimize optimize, long weightsVersion) {

    public Route {
        points = List.copyOf(points);
    }
}
