package de.parkleit.routing.graph;

/** Who travels on a graph: a car on the roads it may drive, or a pedestrian. */
public enum TravelMode {
    CAR,
    FOOT
}
