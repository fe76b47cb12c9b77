package de.parkleit.guidance;

import de.parkleit.routing.graph.GeoPoint;

/** The walk from a facility to a destination; thread-safe. A foot network router plugs in here. */
@FunctionalInterface
public interface WalkRouter {

    WalkLeg walk(GeoPoint facility, GeoPoint destination);
}
