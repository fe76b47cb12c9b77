package de.parkleit.simulator.driver;

import java.util.List;

/**
 * A drive on the road network.
 *
 * @param points the line driven (at least start and end), for signs passed on the way
 */
public record Leg(double meters, double seconds, List<Position> points) {

    public Leg {
        if (!(meters >= 0) || !(seconds >= 0)) {
            throw new IllegalArgumentException("leg needs meters and seconds >= 0, got " + meters + ", " + seconds);
        }
        points = List.copyOf(points);
    }
}
