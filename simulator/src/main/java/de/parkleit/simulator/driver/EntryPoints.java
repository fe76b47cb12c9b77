package de.parkleit.simulator.driver;

import de.parkleit.core.facility.Facility;
import java.util.ArrayList;
import java.util.List;

/**
 * Where trips enter the simulated area: eight points around the facilities' centroid, each at the
 * largest of a few radii from which the network has a route to the centroid (so a cut network
 * still works). Variable message signs at the city entrances stand at these points.
 */
public final class EntryPoints {

    static final double[] RADII_M = {2500, 1800, 1200, 800};

    private EntryPoints() {
    }

    public static Position centroid(List<Facility> facilities) {
        double lat = 0;
        double lon = 0;
        for (Facility f : facilities) {
            lat += f.lat();
            lon += f.lon();
        }
        return new Position(lat / facilities.size(), lon / facilities.size());
    }

    public static List<Position> around(List<Facility> facilities, TravelTimes travel) {
        Position c = centroid(facilities);
        List<Position> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            double bearing = i * Math.PI / 4;
            for (double r : RADII_M) {
                Position p = c.offset(r, bearing);
                if (travel.route(p, c).isPresent()) {
                    out.add(p);
                    break;
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no route reaches the facilities' centroid " + c + " from any direction");
        }
        return out;
    }
}
