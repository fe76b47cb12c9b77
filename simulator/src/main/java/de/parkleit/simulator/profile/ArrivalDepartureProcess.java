package de.parkleit.simulator.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A birth–death process for one facility whose arrival rate tracks the model: each parked car
 * leaves at rate 1/meanDwell (exponential stays; a mean of 90 min puts ~74 % at or under 2 h,
 * close to the Neuss count in docs/sources.md#parking-duration), and cars arrive at
 * {@code max(0, m/meanDwell + dm/dt + (m - n)/relax)}, the rate that keeps the expectation on the
 * model's occupancy m while counts move by single cars. Arrivals beyond capacity are turned away.
 * Not thread-safe: one owner steps it.
 */
public final class ArrivalDepartureProcess {

    /** How fast a gap between simulated and expected occupancy closes. */
    static final double RELAX_MINUTES = 20;

    private final OccupancyModel model;
    private final String facilityId;
    private final int capacity;
    private final double meanDwellMinutes;
    private final SplittableRandom random;
    private int occupied;
    private Instant at;
    private long turnedAway;

    /** One step's counts. */
    public record Step(int entered, int exited, int turnedAway, int occupied) {
    }

    /** Starts at the model's expected occupancy at {@code start}. */
    public ArrivalDepartureProcess(OccupancyModel model, String facilityId, Instant start, Duration meanDwell, long seed) {
        this.model = model;
        this.facilityId = facilityId;
        this.capacity = model.profile(facilityId).facility().capacity();
        this.meanDwellMinutes = meanDwell.toSeconds() / 60.0;
        this.random = new SplittableRandom(Mix.of(seed, facilityId, 7));
        this.occupied = (int) Math.round(model.expectedOccupied(facilityId, start));
        this.at = start;
    }

    /** Advances to {@code now}; a call with a time not after the last one changes nothing. */
    public Step advanceTo(Instant now) {
        double dtMin = Duration.between(at, now).toMillis() / 60_000.0;
        if (dtMin <= 0) {
            return new Step(0, 0, 0, occupied);
        }
        double m = model.expectedOccupied(facilityId, now);
        double slope = (m - model.expectedOccupied(facilityId, at)) / dtMin;
        double lambda = Math.max(0, m / meanDwellMinutes + slope + (m - occupied) / RELAX_MINUTES);
        int exited = Math.min(occupied, poisson(occupied * (1 - Math.exp(-dtMin / meanDwellMinutes))));
        int arrivals = poisson(lambda * dtMin);
        int room = capacity - (occupied - exited);
        int entered = Math.min(arrivals, room);
        int away = arrivals - entered;
        occupied = occupied - exited + entered;
        turnedAway += away;
        at = now;
        return new Step(entered, exited, away, occupied);
    }

    public int occupied() {
        return occupied;
    }

    public int free() {
        return capacity - occupied;
    }

    public int capacity() {
        return capacity;
    }

    public long turnedAway() {
        return turnedAway;
    }

    public Instant at() {
        return at;
    }

    /** Poisson sample: inversion for small means, a rounded normal for large ones. */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 40) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian()));
        }
        double l = Math.exp(-mean);
        double p = random.nextDouble();
        int k = 0;
        double term = l;
        double cdf = l;
        while (p > cdf && k < 1000) {
            k++;
            term *= mean / k;
            cdf += term;
        }
        return k;
    }

    private double gaussian() {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
