package de.parkleit.core.live;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.QualityFlag;
import de.parkleit.core.state.Trend;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The thresholds the browser used (facility-view.js level()) until the server decided the level: unchanged. */
class AvailabilityLevelTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private static AvailabilityLevel at(Integer free, int capacity) {
        return AvailabilityLevel.of(new FacilityState("p1", free, capacity, FacilityStatus.OPEN, Trend.STEADY, T0, Set.of()), null, capacity);
    }

    @Test
    void byFreeShareOfTheCapacity() {
        assertThat(at(20, 100)).isEqualTo(AvailabilityLevel.PLENTY);
        assertThat(at(19, 100)).isEqualTo(AvailabilityLevel.FEW);
        assertThat(at(5, 100)).isEqualTo(AvailabilityLevel.FEW);
        assertThat(at(4, 100)).isEqualTo(AvailabilityLevel.ALMOST_FULL);
        assertThat(at(1, 100)).isEqualTo(AvailabilityLevel.ALMOST_FULL);
        assertThat(at(0, 100)).isEqualTo(AvailabilityLevel.FULL);
        assertThat(at(3, 0)).as("no capacity known").isEqualTo(AvailabilityLevel.ALMOST_FULL);
        assertThat(at(null, 100)).isEqualTo(AvailabilityLevel.STALE);
    }

    @Test
    void closedAndStaleWin() {
        FacilityState flagged = new FacilityState("p1", 50, 100, FacilityStatus.OPEN, Trend.STEADY, T0, Set.of(QualityFlag.STALE));
        assertThat(AvailabilityLevel.of(flagged, null, 100)).isEqualTo(AvailabilityLevel.STALE);
        FacilityState closed = new FacilityState("p1", 50, 100, FacilityStatus.CLOSED, Trend.STEADY, T0, Set.of());
        assertThat(AvailabilityLevel.of(closed, null, 100)).isEqualTo(AvailabilityLevel.CLOSED);
        FacilityState open = new FacilityState("p1", 50, 100, FacilityStatus.OPEN, Trend.STEADY, T0, Set.of());
        FacilityOperation reserved = new FacilityOperation("p1", FacilityStatus.RESERVED, "Markt", T0.plusSeconds(60), "op", T0);
        assertThat(AvailabilityLevel.of(open, reserved, 100)).isEqualTo(AvailabilityLevel.CLOSED);
        assertThat(AvailabilityLevel.of(flagged, reserved, 100)).isEqualTo(AvailabilityLevel.CLOSED);
        assertThat(AvailabilityLevel.ALMOST_FULL.wireName()).isEqualTo("almost_full");
    }
}
