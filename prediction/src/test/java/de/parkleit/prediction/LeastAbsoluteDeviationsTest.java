package de.parkleit.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LeastAbsoluteDeviationsTest {

    @Test
    void recoversTheLineThroughTheBulkDespiteWildOutliers() {
        Random rnd = new Random(7);
        int n = 2000;
        float[] x = new float[n * 2];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double v = rnd.nextDouble();
            x[2 * i] = 1;
            x[2 * i + 1] = (float) v;
            y[i] = (float) (0.5 + 2 * v + 0.01 * rnd.nextGaussian() + (i % 10 == 0 ? 50 : 0));
        }
        double[] beta = new LeastAbsoluteDeviations(50, 1e-6, 0).fit(x, y, n, 2);
        assertThat(beta[0]).isCloseTo(0.5, within(0.01));
        assertThat(beta[1]).isCloseTo(2.0, within(0.02));
    }

    @Test
    void leavesAConstantZeroFeatureAtZero() {
        float[] x = {1, 0, 1, 0, 1, 0};
        float[] y = {3, 3, 3};
        double[] beta = new LeastAbsoluteDeviations(10, 1e-6, 1e-9).fit(x, y, 3, 2);
        assertThat(beta[0]).isCloseTo(3, within(1e-6));
        assertThat(beta[1]).isZero();
    }
}
