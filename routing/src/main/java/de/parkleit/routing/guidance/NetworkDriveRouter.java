package de.parkleit.routing.guidance;

import de.parkleit.core.facility.Facility;
import de.parkleit.routing.graph.GeoPoint;
import de.parkleit.routing.graph.Snap;
import de.parkleit.routing.network.NoRouteException;
import de.parkleit.routing.network.Optimize;
import de.parkleit.routing.network.RoadNetwork;
import de.parkleit.routing.network.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link DriveRouter} over a {@link RoadNetwork}: one point-to-point search per facility under
 * the network's current travel times. Facility positions are snapped once, at construction.
 */
public final class NetworkDriveRouter implements DriveRouter {

    private final RoadNetwork network;
    private final Map<String, Optional<Snap>> facilitySnaps = new ConcurrentHashMap<>();

    public NetworkDriveRouter(RoadNetwork network, Collection<Facility> facilities) {
        this.network = network;
        for (Facility f : facilities) {
            facilitySnaps.put(f.id(), network.snap(new GeoPoint(f.lat(), f.lon())));
        }
    }

    /** Facilities farther than the snap radius from every road: guidance never sends anyone there. */
    public List<String> offNetwork() {
        return facilitySnaps.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).sorted().toList();
    }

    @Override
    public List<Optional<DriveLeg>> legs(GeoPoint origin, List<Facility> facilities) {
        Snap from = network.snapOrThrow(origin, "from");
        List<Optional<DriveLeg>> out = new ArrayList<>(facilities.size());
        for (Facility f : facilities) {
            Optional<Snap> to = facilitySnaps.computeIfAbsent(f.id(), id -> network.snap(new GeoPoint(f.lat(), f.lon())));
            out.add(to.flatMap(t -> leg(from, t)));
        }
        return out;
    }

    private Optional<DriveLeg> leg(Snap from, Snap to) {
        try {
            Route r = network.route(from, to, Optimize.TIME);
            return Optional.of(new DriveLeg(r.durationSeconds(), r.distanceMeters(), r.weightsVersion(), r::points));
        } catch (NoRouteException e) {
            return Optional.empty();
        }
    }
}
