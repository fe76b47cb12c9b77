package de.parkleit.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SearchTimeCurveTest {

    @Test
    void searchRisesSteeplyAsOccupancyNearsFull() {
        SearchTimeCurve c = SearchTimeCurve.DEFAULT;
        assertThat(c.seconds(0)).isEqualTo(36.0);
        assertThat(c.seconds(0.5)).isCloseTo(47, within(1.0));
        assertThat(c.seconds(0.9)).isCloseTo(220, within(1.0));
        assertThat(c.seconds(0.95)).isCloseTo(567, within(1.0));
        assertThat(c.seconds(0.99)).isEqualTo(900.0);
        assertThat(c.seconds(1.2)).isEqualTo(900.0);
        assertThat(c.seconds(0.95) - c.seconds(0.9)).isGreaterThan(10 * (c.seconds(0.5) - c.seconds(0.4)));
    }
}
