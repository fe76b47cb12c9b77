package de.parkleit.simulator.driver;

import java.time.Duration;

/**
 * Behaviour of the driver agents. docs/evaluation.md names the source of every default.
 *
 * @param meanDwell          mean parking duration; stays are exponential (Neuss: ~75 % at most 2 h)
 * @param minDwell           shortest stay
 * @param destinationSpreadM trip destinations lie up to this far around the facility whose demand they follow
 * @param knowRadiusM        drivers know facilities up to this walking distance from their destination...
 * @param knowProbability    ...each with this probability (the nearest always)
 * @param queueToleranceMax  at a full facility a driver queues if fewer than U{0..max} cars wait
 * @param queuePatience      and leaves the queue after this long
 * @param cruiseRadiusM      after the known facilities, drivers try any unvisited one this close to the destination
 *                           (default 1,000 m: MATSim's observation radius, and guidance's own search radius)
 * @param maxSearch          search time after which a driver gives up (parks elsewhere, counted)
 * @param compliance         share of drivers who ask guidance and follow it (guidance on only)
 * @param signReaction       share of the others who avoid facilities that signs show as full (guidance on only;
 *                           default 0: no measured share exists, docs/sources.md#compliance)
 * @param walkMps            walking speed
 * @param walkDetour         walking distance over straight-line distance
 */
public record DriverParameters(Duration meanDwell, Duration minDwell, double destinationSpreadM, double knowRadiusM,
                               double knowProbability, int queueToleranceMax, Duration queuePatience,
                               double cruiseRadiusM, Duration maxSearch, double compliance, double signReaction,
                               double walkMps, double walkDetour) {

    public DriverParameters {
        if (compliance < 0 || compliance > 1 || signReaction < 0 || signReaction > 1 || knowProbability < 0 || knowProbability > 1) {
            throw new IllegalArgumentException("compliance, signReaction and knowProbability must be within 0..1");
        }
        if (queueToleranceMax < 0 || !(walkMps > 0) || !(walkDetour >= 1) || !(knowRadiusM > 0) || !(cruiseRadiusM > 0)) {
            throw new IllegalArgumentException("invalid driver parameters");
        }
    }

    public static DriverParameters defaults() {
        return new DriverParameters(Duration.ofMinutes(90), Duration.ofMinutes(10), 250, 1000, 0.6, 4,
                Duration.ofMinutes(5), 1000, Duration.ofMinutes(20), 0.5, 0.0, 1.3, 1.25);
    }

    public DriverParameters withCompliance(double p) {
        return new DriverParameters(meanDwell, minDwell, destinationSpreadM, knowRadiusM, knowProbability, queueToleranceMax,
                queuePatience, cruiseRadiusM, maxSearch, p, signReaction, walkMps, walkDetour);
    }

    public DriverParameters withSignReaction(double s) {
        return new DriverParameters(meanDwell, minDwell, destinationSpreadM, knowRadiusM, knowProbability, queueToleranceMax,
                queuePatience, cruiseRadiusM, maxSearch, compliance, s, walkMps, walkDetour);
    }

    public DriverParameters withKnowProbability(double k) {
        return new DriverParameters(meanDwell, minDwell, destinationSpreadM, knowRadiusM, k, queueToleranceMax,
                queuePatience, cruiseRadiusM, maxSearch, compliance, signReaction, walkMps, walkDetour);
    }
}
