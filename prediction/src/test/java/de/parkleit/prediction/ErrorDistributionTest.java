package de.parkleit.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErrorDistributionTest {

    @Test
    void answersTailProbabilitiesAndQuantilesOfTheErrorsSeen() {
        ErrorDistribution d = new ErrorDistribution();
        for (int e = -10; e < 10; e++) {
            d.add(e);
        }
        d.freeze();
        assertThat(d.count()).isEqualTo(20);
        assertThat(d.probabilityAtLeast(-100)).isEqualTo(1);
        assertThat(d.probabilityAtLeast(100)).isZero();
        // the bin of 0 spans [-0.25, 0.25): half of it lies above 0
        assertThat(d.probabilityAtLeast(0)).isCloseTo(9.5 / 20, within(1e-9));
        assertThat(d.probabilityAtLeast(5.25)).isCloseTo(4.0 / 20, within(1e-9));
        assertThat(d.quantile(0.5)).isEqualTo(-1);
        assertThat(d.quantile(0.1)).isEqualTo(-9);
        assertThat(d.quantile(1)).isEqualTo(9);
    }

    @Test
    void keepsOnlyTheRangeInUseAndAnswersAsAFullHistogramWould() {
        java.util.Random random = new java.util.Random(7);
        ErrorDistribution a = new ErrorDistribution();
        ErrorDistribution b = new ErrorDistribution();
        double[] full = new double[4001];
        for (int i = 0; i < 5000; i++) {
            double e = i % 97 == 0 ? (random.nextBoolean() ? 1500 : -1500) : random.nextGaussian() * 40 + (i % 2 == 0 ? 30 : -60);
            (i % 3 == 0 ? a : b).add(e);
            full[(int) Math.max(0, Math.min(4000, Math.round(e / 0.5) + 2000))]++;
        }
        ErrorDistribution all = new ErrorDistribution();
        all.addAll(a);
        all.addAll(b);
        all.addAll(new ErrorDistribution());
        all.freeze();
        double[] cum = new double[4001];
        double sum = 0;
        for (int i = 0; i < 4001; i++) {
            sum += full[i];
            cum[i] = sum;
        }
        for (double t = -1200; t <= 1200; t += 0.37) {
            double position = t / 0.5 + 2000.5;
            int i = (int) position;
            double expected = position <= 0 ? 1 : position >= 4001 ? 0 : (sum - cum[i] + full[i] * (1 - (position - i))) / sum;
            assertThat(all.probabilityAtLeast(t)).as("P(error >= %s)", t).isCloseTo(expected, within(1e-12));
        }
        for (double q = 0; q <= 1; q += 0.01) {
            double target = Math.max(Double.MIN_VALUE, q * sum);
            int i = 0;
            while (cum[i] < target) {
                i++;
            }
            assertThat(all.quantile(q)).as("quantile %s", q).isEqualTo((i - 2000) * 0.5);
        }
        assertThat(all.count()).isEqualTo(5000);
    }

    @Test
    void isEmptyUntilFilled() {
        ErrorDistribution d = new ErrorDistribution();
        assertThat(d.probabilityAtLeast(0)).isNaN();
        assertThat(d.quantile(0.5)).isNaN();
    }
}
