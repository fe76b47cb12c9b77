package de.parkleit.prediction;

/**
 * Linear regression that minimises the sum of absolute errors (so it fits the mean absolute error a forecast is
 * judged by, and shrugs off the outliers a glitchy feed leaves behind), by iteratively reweighted least squares:
 * start from ordinary least squares, then weight each sample by {@code 1 / max(|residual|, epsilon)} and solve
 * again, until the coefficients settle.
 */
final class LeastAbsoluteDeviations {

    private final int maxIterations;
    private final double epsilon;
    private final double ridge;

    /**
     * @param epsilon smallest residual used for a weight (keeps weights finite)
     * @param ridge   added to the diagonal, times the sample weight sum, so constant features do not break the solve
     */
    LeastAbsoluteDeviations(int maxIterations, double epsilon, double ridge) {
        this.maxIterations = maxIterations;
        this.epsilon = epsilon;
        this.ridge = ridge;
    }

    /**
     * Fits {@code y ~ X * beta}.
     *
     * @param x row-major, {@code n} rows of {@code p} features
     */
    double[] fit(float[] x, float[] y, int n, int p) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        double[] beta = solveWeighted(x, y, w, n, p);
        for (int it = 0; it < maxIterations; it++) {
            for (int i = 0; i < n; i++) {
                w[i] = 1 / Math.max(Math.abs(y[i] - predict(x, i, p, beta)), epsilon);
            }
            double[] next = solveWeighted(x, y, w, n, p);
            double change = 0;
            for (int j = 0; j < p; j++) {
                change = Math.max(change, Math.abs(next[j] - beta[j]));
            }
            beta = next;
            if (change < 1e-6) {
                break;
            }
        }
        return beta;
    }

    static double predict(float[] x, int row, int p, double[] beta) {
        double s = 0;
        int base = row * p;
        for (int j = 0; j < p; j++) {
            s += beta[j] * x[base + j];
        }
        return s;
    }

    private double[] solveWeighted(float[] x, float[] y, double[] w, int n, int p) {
        double[][] a = new double[p][p + 1];
        double wsum = 0;
        for (int i = 0; i < n; i++) {
            int base = i * p;
            double wi = w[i];
            wsum += wi;
            for (int j = 0; j < p; j++) {
                double xj = wi * x[base + j];
                for (int k = j; k < p; k++) {
                    a[j][k] += xj * x[base + k];
                }
                a[j][p] += xj * y[i];
            }
        }
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < j; k++) {
                a[j][k] = a[k][j];
            }
            a[j][j] += ridge * wsum;
        }
        return gauss(a, p);
    }

    /** Solves the augmented system in place by Gaussian elimination with partial pivoting. */
    private static double[] gauss(double[][] a, int p) {
        for (int c = 0; c < p; c++) {
            int pivot = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] tmp = a[c];
            a[c] = a[pivot];
            a[pivot] = tmp;
            if (Math.abs(a[c][c]) < 1e-300) {
                continue;
            }
            for (int r = c + 1; r < p; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k <= p; k++) {
                    a[r][k] -= f * a[c][k];
                }
            }
        }
        double[] beta = new double[p];
        for (int r = p - 1; r >= 0; r--) {
            double s = a[r][p];
            for (int k = r + 1; k < p; k++) {
                s -= a[r][k] * beta[k];
            }
            beta[r] = Math.abs(a[r][r]) < 1e-300 ? 0 : s / a[r][r];
        }
        return beta;
    }
}
