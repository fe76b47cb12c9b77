package de.parkleit.routing.traffic;

import de.parkleit.core.reading.TrafficReading;
import de.parkleit.routing.graph.RoadClass;

/**
 * Turns one detector interval into a factor on the free-flow travel time of its edge, in order of
 * preference: the measured mean speed; a speed estimated from flow and lane occupancy (single-loop
 * estimate, flow / density with an effective vehicle length of {@value #EFFECTIVE_VEHICLE_LENGTH_M} m);
 * or the BPR volume-delay function {@code 1 + 0.15 (v/c)^4} of flow over lane capacity.
 * Factors below {@value #MIN_FACTOR} (faster than free flow) are clamped.
 */
public final class CongestionModel {

    static final double EFFECTIVE_VEHICLE_LENGTH_M = 7.0;
    static final double MIN_FACTOR = 0.8;
    static final double BPR_ALPHA = 0.15;
    static final double BPR_BETA = 4;
    /** Lane occupancy (%) above which an interval without vehicles means standing traffic. */
    static final double JAM_OCCUPANCY_PCT = 50;

    private final double maxFactor;

    public CongestionModel(double maxFactor) {
        this.maxFactor = maxFactor;
    }

    /** Factor on free-flow time for an edge with free-flow speed {@code freeFlowKmh}. */
    public double factor(TrafficReading r, double freeFlowKmh, int lanes, double capacityPerLane) {
        double f;
        if (r.speedKmh() != null && r.speedKmh() >= 0) {
            f = freeFlowKmh / Math.max(1, r.speedKmh());
        } else if (r.occupancyPct() != null && r.intervalS() > 0) {
            f = fromOccupancy(r, freeFlowKmh, lanes);
        } else if (r.intervalS() > 0) {
            double flowPerLane = r.count() * 3600.0 / r.intervalS() / lanes;
            f = 1 + BPR_ALPHA * Math.pow(flowPerLane / capacityPerLane, BPR_BETA);
        } else {
            f = 1;
        }
        return Math.max(MIN_FACTOR, Math.min(maxFactor, f));
    }

    private double fromOccupancy(TrafficReading r, double freeFlowKmh, int lanes) {
        double occ = r.occupancyPct();
        if (r.count() == 0) {
            return occ >= JAM_OCCUPANCY_PCT ? maxFactor : 1;
        }
        double flowPerLane = r.count() * 3600.0 / r.intervalS() / lanes;
        double densityPerKm = Math.max(occ, 0.1) / 100 * 1000 / EFFECTIVE_VEHICLE_LENGTH_M;
        double speed = flowPerLane / densityPerKm;
        return freeFlowKmh / Math.max(1, speed);
    }

    /** Vehicles per hour and lane at saturation, by road class. */
    public static double defaultCapacityPerLane(RoadClass rc) {
        return switch (rc) {
            case MOTORWAY -> 2000;
            case TRUNK, MOTORWAY_LINK -> 1800;
            case PRIMARY, TRUNK_LINK -> 1000;
            case SECONDARY, PRIMARY_LINK -> 900;
            case TERTIARY, SECONDARY_LINK -> 800;
            default -> 600;
        };
    }
}
