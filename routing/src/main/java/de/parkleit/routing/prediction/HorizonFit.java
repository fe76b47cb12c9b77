package de.parkleit.routing.prediction;

/**
 * Coefficients of {@link ProfileFeatures} and error distributions by predicted level, per grid horizon, for one
 * facility or for all together. Immutable once built.
 */
final class HorizonFit {

    /**
     * Upper bounds of the levels of predicted free spaces the error distributions are kept for: near full, the
     * number of spaces matters, not the share of capacity.
     */
    private static final double[] LEVELS = {1, 3, 6, 10, 20, 40};

    private final double[][] coefficients;
    private final ErrorDistribution[][] errors;

    HorizonFit(double[][] coefficients, ErrorDistribution[][] errors) {
        this.coefficients = coefficients;
        this.errors = errors;
    }

    static int levelCount() {
        return LEVELS.length + 1;
    }

    static int level(double predictedFree) {
        int i = 0;
        while (i < LEVELS.length && predictedFree >= LEVELS[i]) {
            i++;
        }
        return i;
    }

    /** Change of the free share predicted for horizon {@code h} from the features (interpolated on the grid). */
    double change(int h, double[] features) {
        int lo = Horizons.floorIndex(h);
        int hi = Math.min(lo + 1, Horizons.GRID.length - 1);
        double wHi = hi == lo || h <= Horizons.GRID[lo] ? 0
                : Math.min(1, (h - Horizons.GRID[lo]) / (double) (Horizons.GRID[hi] - Horizons.GRID[lo]));
        double change = 0;
        for (int j = 0; j < features.length; j++) {
            change += ((1 - wHi) * coefficients[lo][j] + wHi * coefficients[hi][j]) * features[j];
        }
        return change;
    }

    /** The errors (in spaces) at the grid horizon nearest {@code h} and the level of {@code predictedFree}. */
    ErrorDistribution errors(int h, double predictedFree) {
        return errors[Horizons.nearestIndex(h)][level(predictedFree)];
    }

    /** All levels' errors at one grid horizon together. */
    ErrorDistribution pooledErrors(int gridIndex) {
        ErrorDistribution all = new ErrorDistribution();
        for (ErrorDistribution e : errors[gridIndex]) {
            all.addAll(e);
        }
        return all;
    }

    double[] coefficients(int gridIndex) {
        return coefficients[gridIndex].clone();
    }
}
