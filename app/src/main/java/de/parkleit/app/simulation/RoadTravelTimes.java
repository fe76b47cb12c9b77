package de.parkleit.app.simulation;

import de.parkleit.routing.graph.GeoPoint;
import de.parkleit.routing.network.Optimize;
import de.parkleit.routing.network.RoadNetwork;
import de.parkleit.routing.network.Route;
import de.parkleit.routing.network.RoutingException;
import de.parkleit.simulator.driver.Drive;
import de.parkleit.simulator.driver.Position;
import de.parkleit.simulator.driver.TravelTimes;
import java.util.List;
import java.util.Optional;

/** Car routes from the routing module's road network (fastest route, free flow unless live traffic is set). */
final class RoadTravelTimes implements TravelTimes {

    private final RoadNetwork network;

    RoadTravelTimes(RoadNetwork network) {
        this.network = network;
    }

    @Override
    public Optional<Drive> route(Position from, Position to) {
        try {
            Route r = network.route(point(from), point(to), Optimize.TIME);
            List<Position> pts = r.points().stream().map(p -> new Position(p.lat(), p.lon())).toList();
            return Optional.of(new Drive(r.distanceMeters(), r.durationSeconds(), pts));
        } catch (RoutingException e) {
            return Optional.empty();
        }
    }

    static GeoPoint point(Position p) {
        return new GeoPoint(p.lat(), p.lon());
    }
}
