package de.parkleit.prediction;

/**
 * Coefficients of {@link ProfileFeatures} per grid horizon (see {@link Horizons}), for one facility or for all
 * together, in one time-of-day block. Immutable.
 */
final class Coefficients {

    private final double[][] byHorizon;

    Coefficients(double[][] byHorizon) {
        this.byHorizon = new double[byHorizon.length][];
        for (int i = 0; i < byHorizon.length; i++) {
            this.byHorizon[i] = byHorizon[i].clone();
        }
    }

    /** Change of the free share predicted for horizon {@code h} from the features, interpolated on the grid. */
    double change(int h, double[] features) {
        int lo = Horizons.floorIndex(h);
        int hi = Math.min(lo + 1, Horizons.GRID.length - 1);
        double wHi = hi == lo || h <= Horizons.GRID[lo] ? 0
                : Math.min(1, (h - Horizons.GRID[lo]) / (double) (Horizons.GRID[hi] - Horizons.GRID[lo]));
        double change = 0;
        for (int j = 0; j < features.length; j++) {
            change += ((1 - wHi) * byHorizon[lo][j] + wHi * byHorizon[hi][j]) * features[j];
        }
        return change;
    }

    double[] atGrid(int gridIndex) {
        return byHorizon[gridIndex].clone();
    }
}
