package de.parkleit.guidance;

import de.parkleit.routing.graph.GeoPoint;
import java.util.List;

/**
 * The walk from a facility to the destination.
 *
 * @param line          the path walked (for the crow-fly approximation: the straight line)
 * @param approximation how the walk was derived, for clients ({@code crow-fly} or {@code foot-network})
 */
public record WalkLeg(double meters, double seconds, List<GeoPoint> line, String approximation) {

    public WalkLeg {
        line = List.copyOf(line);
    }
}
