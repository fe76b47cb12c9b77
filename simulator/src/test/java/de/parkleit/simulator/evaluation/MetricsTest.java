package de.parkleit.simulator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.simulator.driver.OccupancySample;
import de.parkleit.simulator.driver.SimulationResult;
import de.parkleit.simulator.driver.TripOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {

    static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

    static TripOutcome trip(int id, double searchS, double searchM, boolean gaveUp) {
        return new TripOutcome(id, T, "own", "a", gaveUp ? null : "a", gaveUp ? null : T, 1000, 120, searchM, searchS, 0,
                searchS > 0 ? 1 : 0, 100, gaveUp);
    }

    @Test
    void computesMeansQuantilesKilometresAndCo2() {
        List<TripOutcome> trips = List.of(trip(0, 0, 0, false), trip(1, 0, 0, false), trip(2, 60, 500, false),
                trip(3, 120, 1500, false), trip(4, 1300, 4000, true));
        List<OccupancySample> samples = List.of(new OccupancySample(T, "a", 10, 10, 2), new OccupancySample(T.plusSeconds(300), "a", 10, 10, 4));
        SimulationResult r = new SimulationResult(T, T.plusSeconds(3600), false, trips, samples, Map.of("a", 3L), Map.of("a", 4), 0, 9,
                Duration.ZERO);
        Metrics m = Metrics.of(r);
        assertThat(m.trips()).isEqualTo(5);
        assertThat(m.parked()).isEqualTo(4);
        assertThat(m.gaveUp()).isEqualTo(1);
        assertThat(m.searchingShare()).isEqualTo(0.6);
        assertThat(m.meanSearchS()).isEqualTo(296.0);
        assertThat(m.meanSearchOfSearchersS()).isEqualTo(1480 / 3.0);
        assertThat(m.p90SearchS()).isEqualTo(1300);
        assertThat(m.searchVehKm()).isEqualTo(6.0);
        assertThat(m.totalVehKm()).isEqualTo(11.0);
        assertThat(m.co2SearchKg()).isEqualTo(1.08, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(m.queueVehHours()).isEqualTo(0.5);
        assertThat(m.maxQueue()).isEqualTo(4);
        assertThat(m.arrivalsAtFull()).isEqualTo(3);
        assertThat(ReportWriter.changePercent(200, 150)).isEqualTo(-25.0);
        assertThat(ReportWriter.changePercent(0, 1)).isNaN();
    }
}
