package de.parkleit.simulator.profile;

import de.parkleit.core.reading.TrafficReading;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Loop-detector readings of one lane of an urban arterial. Flow follows the weekly shape of the real
 * Münster counts ({@link TrafficShapes}), scaled per detector so its busiest hour reaches 75–100 % of
 * a lane capacity of {@value #LANE_CAPACITY} veh/h (signalised urban road, an assumption). Speed
 * follows the uncongested branch of Greenshields' speed-flow relation, {@code v = vf/2 (1 + sqrt(1 - q/qmax))}
 * with a free speed of {@value #FREE_SPEED_KMH} km/h (so about 30 km/h at the peak); lane occupancy is
 * {@code q L / v} with the effective vehicle length {@value #EFFECTIVE_LENGTH_M} m that routing's
 * congestion model uses to go back from occupancy to speed. Counts scatter like a Poisson variable,
 * speed by about 2 km/h.
 */
public final class TrafficModel {

    public static final double LANE_CAPACITY = 900;
    public static final double FREE_SPEED_KMH = 50;
    public static final double EFFECTIVE_LENGTH_M = 7;

    /** Expected values of a detector at one moment. */
    public record Expected(double vehiclesPerHour, double speedKmh, double occupancyPct) {
    }

    private final TrafficShapes shapes;
    private final ZoneId zone;
    private final long seed;

    public TrafficModel(TrafficShapes shapes, ZoneId zone, long seed) {
        this.shapes = Objects.requireNonNull(shapes, "shapes");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.seed = seed;
    }

    /** Share of lane capacity the detector's busiest hour reaches (0.75..1, fixed per detector and seed). */
    public double peakShare(String detector) {
        return 0.75 + 0.25 * Mix.unit(Mix.of(seed, detector, 7));
    }

    public Expected expected(String detector, Instant t) {
        double flow = LANE_CAPACITY * peakShare(detector) * shapes.share(LocalDateTime.ofInstant(t, zone));
        double speed = speedAt(flow);
        return new Expected(flow, speed, occupancy(flow, speed));
    }

    /** Greenshields, uncongested branch; flows above capacity give the speed at capacity. */
    public static double speedAt(double vehiclesPerHour) {
        double x = Math.min(1, Math.max(0, vehiclesPerHour / LANE_CAPACITY));
        return FREE_SPEED_KMH / 2 * (1 + Math.sqrt(1 - x));
    }

    /** Time occupancy of the loop in percent. */
    public static double occupancy(double vehiclesPerHour, double speedKmh) {
        return Math.min(100, vehiclesPerHour * EFFECTIVE_LENGTH_M / (Math.max(1, speedKmh) * 1000) * 100);
    }

    /** One interval ending at {@code t}, scattered with {@code random}. */
    public TrafficReading reading(String detector, Instant t, int intervalS, SplittableRandom random) {
        Expected e = expected(detector, t);
        double mean = e.vehiclesPerHour() * intervalS / 3600.0;
        int count = (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
        double flow = count * 3600.0 / intervalS;
        double speed = Math.max(5, speedAt(flow) + 2 * gaussian(random));
        return new TrafficReading(detector, t, intervalS, count, round1(speed), round1(occupancy(flow, speed)));
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
