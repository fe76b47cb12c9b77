package de.parkleit.guidance;

import de.parkleit.core.live.LiveBoard;
import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.facility.FacilityType;
import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.QualityFlag;
import de.parkleit.core.state.Trend;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveFacilitiesTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private final LiveFacilities live = new LiveFacilities(
            List.of(new Facility("p1", "P1", FacilityType.GARAGE, 49.4, 8.69, 100, "")), Duration.ofMinutes(15));

    private FacilityState state(Integer free, FacilityStatus status, Instant at, Set<QualityFlag> flags) {
        return new FacilityState("p1", free, 100, status, Trend.STEADY, at, flags);
    }

    @Test
    void freshOpenStateIsOpenAndNothingReportedIsUnknown() {
        assertThat(live.availability("p1", NOW)).isEqualTo(Availability.UNKNOWN);
        live.apply(state(40, FacilityStatus.OPEN, NOW.minusSeconds(30), Set.of()));
        assertThat(live.availability("p1", NOW)).isEqualTo(Availability.OPEN);
    }

    @Test
    void oldFlaggedOrNumberlessStatesAreUnknown() {
        live.apply(state(40, FacilityStatus.OPEN, NOW.minus(Duration.ofMinutes(16)), Set.of()));
        assertThat(live.availability("p1", NOW)).isEqualTo(Availability.UNKNOWN);
        live.apply(state(40, FacilityStatus.OPEN, NOW, Set.of(QualityFlag.STALE)));
        assertThat(live.availability("p1", NOW)).isEqualTo(Availability.UNKNOWN);
        live.apply(state(null, FacilityStatus.UNKNOWN, NOW, Set.of()));
        assertThat(live.availability("p1", NOW)).isEqualTo(Availability.UNKNOWN);
    }

    @Test
    void closedAndReservedWinEvenWithoutANumber() {
        live.apply(state(null, FacilityStatus.CLOSED, NOW, Set.of()));
        assertThat(live.availability("p1", NOW)).isEqualTo(Availability.CLOSED);
        live.apply(state(12, FacilityStatus.RESERVED, NOW, Set.of()));
        assertThat(live.availability("p1", NOW)).isEqualTo(Availability.RESERVED);
        assertThat(Availability.RESERVED.recommendable()).isFalse();
    }

    @Test
    void anOperatorReservationOverridesAnOpenStateUntilItEnds() {
        live.apply(state(40, FacilityStatus.OPEN, NOW, Set.of()));
        FacilityOperation op = new FacilityOperation("p1", FacilityStatus.RESERVED, "Weihnachtsmarkt",
                NOW.plus(Duration.ofHours(2)), "alice", NOW.minusSeconds(60));
        assertThat(live.applyOperation("p1", op)).isTrue();
        assertThat(live.availability("p1", NOW)).isEqualTo(Availability.RESERVED);
        assertThat(live.availability("p1", NOW.plus(Duration.ofHours(3)).minus(Duration.ofMinutes(59))))
                .as("after 'until'").isNotEqualTo(Availability.RESERVED);
        live.applyOperation("p1", null);
        assertThat(live.availability("p1", NOW)).isEqualTo(Availability.OPEN);
        assertThat(live.applyOperation("x9", op)).isFalse();
    }

    @Test
    void ignoresOlderStatesAndOtherCities() {
        assertThat(live.apply(state(40, FacilityStatus.OPEN, NOW, Set.of()))).isEqualTo(LiveBoard.Outcome.APPLIED);
        assertThat(live.apply(state(40, FacilityStatus.OPEN, NOW, Set.of()))).isEqualTo(LiveBoard.Outcome.UNCHANGED);
        assertThat(live.apply(state(10, FacilityStatus.OPEN, NOW.minusSeconds(1), Set.of())))
                .isEqualTo(LiveBoard.Outcome.OUT_OF_ORDER);
        assertThat(live.apply(new FacilityState("x9", 1, 10, FacilityStatus.OPEN, Trend.STEADY, NOW, Set.of())))
                .isEqualTo(LiveBoard.Outcome.UNKNOWN_FACILITY);
        assertThat(live.state("p1").free()).isEqualTo(40);
    }
}
