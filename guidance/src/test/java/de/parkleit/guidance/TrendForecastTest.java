package de.parkleit.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.Trend;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrendForecastTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private static FacilityState state(int free, Instant at) {
        return new FacilityState("p1", free, 400, FacilityStatus.OPEN, Trend.FILLING, at, Set.of());
    }

    @Test
    void withoutHistoryTheForecastIsTheLiveCount() {
        TrendForecast f = new TrendForecast();
        FacilityState now = state(120, T0);
        f.observe(now);
        Prediction p = f.predict("p1", now, T0.plus(Duration.ofMinutes(30)));
        assertThat(p.expectedFree()).isEqualTo(120.0);
    }

    @Test
    void aGarageFillingUpHasFewerSpacesLaterAndTheTrendFades() {
        TrendForecast f = new TrendForecast();
        FacilityState last = null;
        for (int m = 0; m <= 10; m++) {
            last = state(200 - 2 * m, T0.plus(Duration.ofMinutes(m)));
            f.observe(last);
        }
        Instant at = last.updatedAt();
        double in10 = f.predict("p1", last, at.plus(Duration.ofMinutes(10))).expectedFree();
        double in60 = f.predict("p1", last, at.plus(Duration.ofMinutes(60))).expectedFree();
        assertThat(in10).isCloseTo(180 - 2 * 30 * (1 - Math.exp(-10 / 30.0)), within(0.01));
        assertThat(in60).isLessThan(in10).isGreaterThan(180 - 2 * 60);
    }

    @Test
    void neverForecastsBelowZeroOrAboveCapacity() {
        TrendForecast f = new TrendForecast();
        FacilityState last = null;
        for (int m = 0; m <= 10; m++) {
            last = state(Math.max(0, 40 - 10 * m), T0.plus(Duration.ofMinutes(m)));
            f.observe(last);
        }
        assertThat(f.predict("p1", last, last.updatedAt().plus(Duration.ofHours(2))).expectedFree()).isZero();
    }

    @Test
    void theErrorGrowsWithTheHorizonAsThePersistenceBaselineMeasured() {
        assertThat(TrendForecast.errorShare(15)).isCloseTo(0.015, within(1e-9));
        assertThat(TrendForecast.errorShare(30)).isCloseTo(0.027, within(1e-9));
        assertThat(TrendForecast.errorShare(60)).isCloseTo(0.050, within(1e-9));
        assertThat(TrendForecast.errorShare(24 * 60)).isEqualTo(0.15);
        TrendForecast f = new TrendForecast();
        FacilityState s = state(10, T0);
        double soon = f.predict("p1", s, T0.plus(Duration.ofMinutes(5))).probabilityFree(0);
        double later = f.predict("p1", s, T0.plus(Duration.ofMinutes(60))).probabilityFree(0);
        assertThat(soon).isGreaterThan(0.98);
        assertThat(later).isLessThan(soon).isBetween(0.6, 0.9);
    }

    @Test
    void probabilityFallsAsIssuedCarsEatTheExpectedSpaces() {
        Prediction p = Prediction.of(10, 3);
        assertThat(p.probabilityFree(0)).isGreaterThan(0.99);
        assertThat(p.probabilityFree(9.5)).isCloseTo(0.5, within(1e-4));
        assertThat(p.probabilityFree(20)).isLessThan(0.01);
        assertThat(Prediction.unknown(0.2).probabilityFree(100)).isEqualTo(0.2);
        assertThat(NormalDistribution.cdf(1.96)).isCloseTo(0.975, within(1e-4));
        assertThat(NormalDistribution.inverse(0.975)).isCloseTo(1.96, within(1e-3));
        assertThat(NormalDistribution.inverse(0.001)).isCloseTo(-3.0902, within(1e-3));
    }

    @Test
    void aForecastersOwnProbabilityIsKeptAndMovedDownByPendingCars() {
        Prediction p = Prediction.of(20, 4, 0.9);
        assertThat(p.probabilityFree(0)).isEqualTo(0.9);
        assertThat(p.probabilityFree(4)).isCloseTo(NormalDistribution.cdf(NormalDistribution.inverse(0.9) - 1), within(1e-9))
                .isLessThan(0.9);
        assertThat(p.probabilityFree(40)).isLessThan(1e-6);
    }
}
