package de.parkleit.simulator.gateway;

import de.parkleit.core.reading.TrafficReading;
import de.parkleit.simulator.profile.Mix;
import de.parkleit.simulator.profile.OccupancyShapes;
import de.parkleit.simulator.profile.ShapeKind;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Loop detectors on the approach roads: vehicles per interval follow the day of the central
 * garages (150 veh/h at night up to about 1,000 veh/h at the Saturday peak, an assumption), speed
 * falls from 50 to 25 km/h as flow rises, occupancy is flow-proportional. Crude, for exercising
 * the traffic path; real counts come from the Münster replay.
 */
public final class DetectorGateways {

    private final List<String> detectors;
    private final OccupancyShapes shapes;
    private final ZoneId zone;
    private final SplittableRandom random;

    public DetectorGateways(List<String> detectors, OccupancyShapes shapes, ZoneId zone, long seed) {
        this.detectors = List.copyOf(detectors);
        this.shapes = shapes;
        this.zone = zone;
        this.random = new SplittableRandom(Mix.of(seed, "detectors", 0));
    }

    public List<TrafficReading> readingsAt(Instant now, int intervalS) {
        double share = shapes.share(ShapeKind.CENTRAL, LocalDateTime.ofInstant(now, zone));
        double perHour = 150 + 850 * share;
        List<TrafficReading> out = new ArrayList<>(detectors.size());
        for (String d : detectors) {
            double mean = perHour * intervalS / 3600.0 * (0.8 + 0.4 * Mix.unit(Mix.of(0, d, 1)));
            int count = (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian()));
            double speed = Math.round((50 - 25 * share + 3 * gaussian()) * 10) / 10.0;
            double occ = Math.round(Math.min(100, perHour / 30.0) * 10) / 10.0;
            out.add(new TrafficReading(d, now, intervalS, count, speed, occ));
        }
        return out;
    }

    public List<String> ids() {
        return detectors;
    }

    private double gaussian() {
        double u1 = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
