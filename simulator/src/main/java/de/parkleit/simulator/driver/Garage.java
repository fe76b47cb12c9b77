package de.parkleit.simulator.driver;

import de.parkleit.core.facility.Facility;
import java.util.ArrayDeque;

/** A facility in the simulated world: the ground truth of occupancy and the entrance queue. */
final class Garage {

    final Facility facility;
    final Position position;
    int occupied;
    final ArrayDeque<DriverAgent> queue = new ArrayDeque<>();
    long arrivalsAtFull;
    long entries;
    int maxQueue;
    long lastPublishedMs = Long.MIN_VALUE / 2;

    Garage(Facility facility, int occupied) {
        this.facility = facility;
        this.position = new Position(facility.lat(), facility.lon());
        this.occupied = Math.max(0, Math.min(facility.capacity(), occupied));
    }

    String id() {
        return facility.id();
    }

    int capacity() {
        return facility.capacity();
    }

    int free() {
        return capacity() - occupied;
    }
}
