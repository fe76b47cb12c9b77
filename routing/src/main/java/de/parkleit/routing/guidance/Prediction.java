package de.parkleit.routing.guidance;

/**
 * Expected free spaces of a facility at an arrival time, with the spread of the forecast error.
 *
 * @param expectedFree        expected free spaces on arrival (0..capacity); NaN when unknown
 * @param sdFree              standard deviation of the forecast error in spaces (&gt; 0); NaN when unknown
 * @param unknownProbability  probability of a free space used when there is no usable number
 */
public record Prediction(double expectedFree, double sdFree, double unknownProbability) {

    /** The spread never drops below half a space, so a probability never claims certainty. */
    public static final double MIN_SD = 0.5;

    public Prediction {
        if (!(unknownProbability >= 0 && unknownProbability <= 1)) {
            throw new IllegalArgumentException("unknownProbability must be within 0..1, got " + unknownProbability);
        }
        if (!Double.isNaN(expectedFree) && !(sdFree > 0)) {
            throw new IllegalArgumentException("sdFree must be > 0, got " + sdFree);
        }
    }

    public static Prediction of(double expectedFree, double sdFree) {
        return new Prediction(Math.max(0, expectedFree), Math.max(MIN_SD, sdFree), 0);
    }

    /** No usable number: only a (low) probability. */
    public static Prediction unknown(double probability) {
        return new Prediction(Double.NaN, Double.NaN, probability);
    }

    public boolean known() {
        return !Double.isNaN(expectedFree);
    }

    /**
     * Probability that at least one space is free on arrival when {@code extraCars} more cars
     * (recommendations already issued x compliance) arrive before: P(free - extra &gt;= 1) under a
     * normal forecast error, with the usual continuity correction.
     */
    public double probabilityFree(double extraCars) {
        if (!known()) {
            return unknownProbability;
        }
        return NormalDistribution.cdf((expectedFree - extraCars - 0.5) / sdFree);
    }
}
