package de.parkleit.simulator.driver;

import java.util.List;

/**
 * A drive on the road network.
 *
 * @param points the line driven (at least start and end), for signs passed on the way
 */
public record Drive(double meters, double seconds, List<Position> points) {

    public Drive {
        if (!(meters >= 0) || !(seconds >= 0)) {
            throw new IllegalArgumentException("drive needs meters and seconds >= 0, got " + meters + ", " + seconds);
        }
        points = List.copyOf(points);
    }
}
