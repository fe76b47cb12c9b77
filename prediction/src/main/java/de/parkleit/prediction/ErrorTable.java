package de.parkleit.prediction;

/**
 * Past forecasts and their outcomes per grid horizon and cell, for one facility or all together: the distribution
 * of errors (actual minus forecast, in spaces) and how often the car park turned out full. A cell is the level of
 * the predicted free spaces, separately for forecasts made while the facility was full (0 free), near full (1 to 10
 * free) or neither: a full car park tends to stay full longer than its forecast suggests. Near full, the number of
 * spaces matters, not the share of capacity, so levels are in spaces.
 *
 * <p>The chance of "full on arrival" is read from the share of past forecasts in the cell that ended at 0 free,
 * interpolated between neighbouring cells by their mean forecast, not from the shifted error distribution: the
 * outcome "still full" sits at error {@code -forecast}, which moves with the forecast, so shifting errors from
 * lower forecasts would count their "still full" cases as free. Filled by {@link ModelTrainer}, then only read.
 */
final class ErrorTable {

    /** Upper bounds of the levels of predicted free spaces. */
    private static final double[] LEVELS = {0.5, 1.5, 2.5, 4, 6, 9, 13, 20, 30, 45};
    private static final double NEAR_FULL_NOW = 10;
    private static final int CELLS = 3 * (LEVELS.length + 1);

    private final ErrorDistribution[][] cells = new ErrorDistribution[Horizons.GRID.length][CELLS];
    private final ErrorDistribution[] pooled = new ErrorDistribution[Horizons.GRID.length];
    private final double[][] count = new double[Horizons.GRID.length][CELLS];
    private final double[][] full = new double[Horizons.GRID.length][CELLS];
    private final double[][] predictedSum = new double[Horizons.GRID.length][CELLS];

    ErrorTable() {
        for (int i = 0; i < Horizons.GRID.length; i++) {
            pooled[i] = new ErrorDistribution();
            for (int c = 0; c < CELLS; c++) {
                cells[i][c] = new ErrorDistribution();
            }
        }
    }

    /** Ends filling: the table is read-only and thread-safe afterwards. */
    void freeze() {
        for (int i = 0; i < Horizons.GRID.length; i++) {
            pooled[i].freeze();
            for (ErrorDistribution d : cells[i]) {
                d.freeze();
            }
        }
    }

    static int cell(double predictedFree, double freeNow) {
        int i = 0;
        while (i < LEVELS.length && predictedFree >= LEVELS[i]) {
            i++;
        }
        int now = freeNow < 0.5 ? 0 : freeNow <= NEAR_FULL_NOW ? 1 : 2;
        return now * (LEVELS.length + 1) + i;
    }

    void add(int gridIndex, double predictedFree, double freeNow, double actualFree) {
        double error = actualFree - predictedFree;
        int c = cell(predictedFree, freeNow);
        cells[gridIndex][c].add(error);
        pooled[gridIndex].add(error);
        count[gridIndex][c]++;
        predictedSum[gridIndex][c] += predictedFree;
        if (actualFree < 0.5) {
            full[gridIndex][c]++;
        }
    }

    /** Number of past forecasts in the forecast's cell. */
    double count(int h, double predictedFree, double freeNow) {
        return count[Horizons.nearestIndex(h)][cell(predictedFree, freeNow)];
    }

    /**
     * Chance that the car park is full at the target: the share of past forecasts that ended full, interpolated
     * linearly between the cells (of the same state now) with at least {@code minCount} forecasts whose mean
     * forecasts bracket {@code predictedFree}; the nearest such cell beyond the ends; NaN if there is none.
     */
    double probabilityFull(int h, double predictedFree, double freeNow, double minCount) {
        int g = Horizons.nearestIndex(h);
        int first = cell(0, freeNow);
        int last = first + LEVELS.length;
        double belowX = Double.NaN;
        double belowP = Double.NaN;
        for (int c = first; c <= last; c++) {
            if (count[g][c] < minCount) {
                continue;
            }
            double x = predictedSum[g][c] / count[g][c];
            double p = full[g][c] / count[g][c];
            if (x >= predictedFree) {
                if (Double.isNaN(belowX) || x == belowX) {
                    return p;
                }
                double w = (predictedFree - belowX) / (x - belowX);
                return belowP + w * (p - belowP);
            }
            belowX = x;
            belowP = p;
        }
        return belowP;
    }

    /** The errors at the grid horizon nearest {@code h} in the forecast's cell. */
    ErrorDistribution cell(int h, double predictedFree, double freeNow) {
        return cells[Horizons.nearestIndex(h)][cell(predictedFree, freeNow)];
    }

    /** All errors at the grid horizon nearest {@code h}. */
    ErrorDistribution pooled(int h) {
        return pooled[Horizons.nearestIndex(h)];
    }
}
