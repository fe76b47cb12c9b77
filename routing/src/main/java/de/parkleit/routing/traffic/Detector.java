package de.parkleit.routing.traffic;

import de.parkleit.core.Ids;
import de.parkleit.routing.graph.GeoPoint;
import java.util.Objects;

/**
 * A traffic detector (loop, radar, floating-car segment) at a position on the road network.
 *
 * @param headingDeg      compass direction of the traffic it measures (0 = north), or null to apply
 *                        to both directions of the road it sits on
 * @param lanes           lanes it counts over (flow is divided by this), at least 1
 * @param capacityPerLane vehicles per hour and lane at saturation, or 0 for the default of the road class
 */
public record Detector(String id, GeoPoint position, Double headingDeg, int lanes, double capacityPerLane) {

    public Detector {
        Ids.require(id, "detector id");
        Objects.requireNonNull(position, "position");
        if (lanes < 1) {
            throw new IllegalArgumentException("detector " + id + ": lanes must be >= 1, got " + lanes);
        }
        if (capacityPerLane < 0) {
            throw new IllegalArgumentException("detector " + id + ": capacity must be >= 0, got " + capacityPerLane);
        }
    }

    public static Detector at(String id, GeoPoint position) {
        return new Detector(id, position, null, 1, 0);
    }
}
