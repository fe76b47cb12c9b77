package de.parkleit.guidance;

/**
 * Expected free spaces of a facility at an arrival time, with the spread of the forecast error
 * and the probability that at least one space is free.
 *
 * @param expectedFree   expected free spaces on arrival (0..capacity); NaN when there is no usable number
 * @param sdFree         standard deviation of the forecast error in spaces (&gt;= {@link #MIN_SD}); NaN when unknown
 * @param probabilityNow probability of at least one free space on arrival, before recommendations still pending
 * @param source         which forecaster made it: {@link #MODEL}, {@link #TREND} or {@link #NONE} (no usable number);
 *                       shown to clients as {@code forecastSource}
 */
public record Prediction(double expectedFree, double sdFree, double probabilityNow, String source) {

    /** Made by the trained model of {@code de.parkleit.prediction}. */
    public static final String MODEL = "model";
    /** Made by {@link TrendForecast} (live count moved by its recent rate). */
    public static final String TREND = "trend";
    /** No usable number: the probability is the configured one for facilities without fresh data. */
    public static final String NONE = "none";

    /** The spread never drops below half a space, so a probability never claims certainty. */
    public static final double MIN_SD = 0.5;
    private static final double EDGE = 1e-9;

    public Prediction {
        if (!(probabilityNow >= 0 && probabilityNow <= 1)) {
            throw new IllegalArgumentException("probability must be within 0..1, got " + probabilityNow);
        }
        if (!Double.isNaN(expectedFree) && !(sdFree >= MIN_SD)) {
            throw new IllegalArgumentException("sdFree must be >= " + MIN_SD + ", got " + sdFree);
        }
        java.util.Objects.requireNonNull(source, "source");
    }

    /** The same forecast, attributed to {@code source}. */
    public Prediction withSource(String source) {
        return new Prediction(expectedFree, sdFree, probabilityNow, source);
    }

    /**
     * A normal forecast error: P(free &gt;= 1) = Phi((expected - 0.5) / sd), with the usual continuity correction.
     * Attributed to {@link #TREND} until {@link #withSource} says otherwise.
     */
    public static Prediction of(double expectedFree, double sdFree) {
        double e = Math.max(0, expectedFree);
        double sd = Math.max(MIN_SD, sdFree);
        return new Prediction(e, sd, NormalDistribution.cdf((e - 0.5) / sd), TREND);
    }

    /** A forecaster's own probability (e.g. from its past errors) with its expected value and spread ({@link #MODEL}). */
    public static Prediction of(double expectedFree, double sdFree, double probabilityFree) {
        return new Prediction(Math.max(0, expectedFree), Math.max(MIN_SD, sdFree), probabilityFree, MODEL);
    }

    /** No usable number: only a (low) probability. */
    public static Prediction unknown(double probability) {
        return new Prediction(Double.NaN, Double.NaN, probability, NONE);
    }

    public boolean known() {
        return !Double.isNaN(expectedFree);
    }

    /**
     * Probability that at least one space is free on arrival when {@code extraCars} more cars
     * (recommendations pending x compliance) arrive before: the forecast's own probability moved
     * down by {@code extraCars / sd} standard deviations, {@code Phi(Phi^-1(p) - extra / sd)}.
     * Without a number the probability stays as it is.
     */
    public double probabilityFree(double extraCars) {
        if (!known() || extraCars <= 0) {
            return probabilityNow;
        }
        double p = Math.max(EDGE, Math.min(1 - EDGE, probabilityNow));
        return NormalDistribution.cdf(NormalDistribution.inverse(p) - extraCars / sdFree);
    }
}
