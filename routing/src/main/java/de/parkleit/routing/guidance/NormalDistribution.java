package de.parkleit.routing.guidance;

/** The standard normal distribution function (Abramowitz &amp; Stegun 7.1.26, |error| &lt; 1.5e-7). */
final class NormalDistribution {

    private NormalDistribution() {
    }

    static double cdf(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        if (z < -8) {
            return 0;
        }
        if (z > 8) {
            return 1;
        }
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double erf = 1 - poly * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
