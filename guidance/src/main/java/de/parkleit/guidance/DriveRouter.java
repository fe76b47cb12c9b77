package de.parkleit.guidance;

import de.parkleit.core.facility.Facility;
import de.parkleit.routing.graph.GeoPoint;
import java.util.List;
import java.util.Optional;

/**
 * Drive times from one origin to many facilities. Today one Dijkstra per facility
 * ({@link NetworkDriveRouter}); a one-to-many search replaces it behind this interface.
 * Thread-safe and blocking: call it from a worker.
 */
public interface DriveRouter {

    /**
     * The leg to each facility in the order given; empty where a facility is off the network or
     * cannot be reached.
     *
     * @throws de.parkleit.routing.network.OutsideNetworkException if the origin is off the network
     */
    List<Optional<DriveLeg>> legs(GeoPoint origin, List<Facility> facilities);
}
