package de.parkleit.routing.prediction;

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
    void isEmptyUntilFilled() {
        ErrorDistribution d = new ErrorDistribution();
        assertThat(d.probabilityAtLeast(0)).isNaN();
        assertThat(d.quantile(0.5)).isNaN();
    }
}
