package de.parkleit.simulator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.simulator.TestCity;
import de.parkleit.simulator.driver.DriverParameters;
import de.parkleit.simulator.driver.SimulationResult;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FullDayPerformanceTest {

    @Test
    void aFullDayOfOver20000TripsRunsWithAndWithoutGuidanceInUnderFiveMinutes() {
        long t0 = System.nanoTime();
        ScenarioRunner runner = new ScenarioRunner(TestCity.heidelberg(), Scenario.resolve("stress"), ZoneId.of("Europe/Berlin"),
                DriverParameters.defaults(), new ReferenceSystem(), 1);
        SimulationResult off = runner.run(false, p -> { });
        SimulationResult on = runner.run(true, p -> { });
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(runner.trips()).hasSizeGreaterThan(20_000);
        assertThat(off.outcomes()).hasSize(runner.trips().size());
        assertThat(on.outcomes()).hasSize(runner.trips().size());
        assertThat(took).isLessThan(Duration.ofMinutes(5));
        System.out.printf("full day: %d trips, control %d ms, treatment %d ms, total with setup %d ms%n", runner.trips().size(),
                off.wallTime().toMillis(), on.wallTime().toMillis(), took.toMillis());
    }
}
