package de.parkleit.guidance.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.facility.FacilityType;
import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.QualityFlag;
import de.parkleit.core.state.Trend;
import de.parkleit.guidance.LiveFacilities;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The port core's exports read: a probability only for open facilities with a fresh count, the forecast API's rule. */
class ModelOutlookTest {

    private final Instant now = Instant.parse("2026-11-26T12:00:00Z");
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    private final LiveFacilities live = new LiveFacilities(List.of(
            new Facility("open", "Open", FacilityType.GARAGE, 49.41, 8.69, 200, ""),
            new Facility("full", "Full", FacilityType.GARAGE, 49.41, 8.70, 100, ""),
            new Facility("stale", "Stale", FacilityType.GARAGE, 49.41, 8.71, 100, ""),
            new Facility("closed", "Closed", FacilityType.GARAGE, 49.41, 8.72, 100, "")), Duration.ofMinutes(15));
    private final ModelForecast forecast = new ModelForecast(clock);
    private final ModelOutlook outlook = new ModelOutlook(live, forecast, clock);

    private void state(String id, Integer free, int capacity, Set<QualityFlag> flags) {
        FacilityState s = new FacilityState(id, free, capacity, FacilityStatus.OPEN, Trend.STEADY, now.minusSeconds(60), flags);
        live.apply(s);
        forecast.observe(s);
    }

    @Test
    void anOpenFacilityWithAFreshCountGetsAProbabilityPerHorizon() {
        state("open", 150, 200, Set.of());
        state("full", 0, 100, Set.of());
        for (int minutes : List.of(15, 30, 60)) {
            assertThat(outlook.probabilityFree("open", minutes)).isPresent();
            assertThat(outlook.probabilityFree("open", minutes).getAsDouble()).as("150 of 200 free").isBetween(0.9, 1.0);
            assertThat(outlook.probabilityFree("full", minutes).getAsDouble()).as("none free").isBetween(0.0, 0.6);
        }
    }

    @Test
    void staleClosedUnknownAndSilentFacilitiesGetNone() {
        state("stale", null, 100, Set.of(QualityFlag.STALE));
        state("closed", 50, 100, Set.of());
        live.applyOperation("closed", new FacilityOperation("closed", FacilityStatus.CLOSED, "Bau", now.plusSeconds(600), "a",
                now.minusSeconds(60)));
        assertThat(outlook.probabilityFree("stale", 15)).isEmpty();
        assertThat(outlook.probabilityFree("closed", 15)).isEmpty();
        assertThat(outlook.probabilityFree("open", 15)).isEmpty();
        assertThat(outlook.probabilityFree("nowhere", 15)).isEmpty();
    }
}
