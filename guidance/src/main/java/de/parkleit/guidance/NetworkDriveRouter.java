package de.parkleit.guidance;

import de.parkleit.core.facility.Facility;
import de.parkleit.routing.graph.GeoPoint;
import de.parkleit.routing.graph.Snap;
import de.parkleit.routing.network.Leg;
import de.parkleit.routing.network.Optimize;
import de.parkleit.routing.network.RoadNetwork;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link DriveRouter} over a {@link RoadNetwork}: one one-to-many search from the origin to all
 * candidate facilities under the network's current travel times; the driven line is built only
 * for the legs that are shown. Facility positions are snapped once, at construction.
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
        List<Snap> targets = new ArrayList<>();
        int[] targetOf = new int[facilities.size()];
        for (int i = 0; i < facilities.size(); i++) {
            Facility f = facilities.get(i);
            Optional<Snap> to = facilitySnaps.computeIfAbsent(f.id(), id -> network.snap(new GeoPoint(f.lat(), f.lon())));
            targetOf[i] = to.isPresent() ? targets.size() : -1;
            to.ifPresent(targets::add);
        }
        List<Optional<Leg>> legs = targets.isEmpty() ? List.of() : network.oneToMany(from, targets, Optimize.TIME);
        List<Optional<DriveLeg>> out = new ArrayList<>(facilities.size());
        for (int i = 0; i < facilities.size(); i++) {
            out.add(targetOf[i] < 0 ? Optional.empty() : legs.get(targetOf[i]).map(this::driveLeg));
        }
        return out;
    }

    private DriveLeg driveLeg(Leg leg) {
        return new DriveLeg(leg.durationSeconds(), leg.distanceMeters(), leg.weightsVersion(), () -> network.toRoute(leg).points());
    }
}
