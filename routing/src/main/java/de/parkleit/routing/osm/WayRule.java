package de.parkleit.routing.osm;

import de.parkleit.routing.graph.RoadClass;

/**
 * What a travel mode may do on one OSM way: travel along its node order ({@code forward}),
 * against it ({@code backward}), and at which free-flow speed in each direction.
 */
public record WayRule(RoadClass roadClass, boolean forward, boolean backward, double forwardKmh, double backwardKmh) {

    public WayRule {
        if (!forward && !backward) {
            throw new IllegalArgumentException("a way rule must allow at least one direction");
        }
        if ((forward && !(forwardKmh > 0)) || (backward && !(backwardKmh > 0))) {
            throw new IllegalArgumentException("speeds must be > 0: " + forwardKmh + ", " + backwardKmh);
        }
    }
}
