package de.parkleit.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.facility.FacilityType;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.Trend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveStateViewTest {

    private final Facility a = new Facility("a", "A", FacilityType.GARAGE, 49.4, 8.7, 100, "");
    private final LiveStateView view = new LiveStateView(List.of(a));
    private final Instant t0 = Instant.parse("2026-01-01T12:00:00Z");

    private FacilityState state(int free, Instant ts) {
        return new FacilityState("a", free, 100, FacilityStatus.OPEN, Trend.STEADY, ts, Set.of());
    }

    @Test
    void startsUnknownForEveryFacility() {
        assertThat(view.state("a")).get().extracting(FacilityState::free, FacilityState::status).containsExactly(null, FacilityStatus.UNKNOWN);
        assertThat(view.state("b")).isEmpty();
    }

    @Test
    void appliesNewerAndSameTimeStatesAndNotifies() {
        List<Integer> seen = new ArrayList<>();
        view.addListener(s -> seen.add(s.free()));
        assertThat(view.apply(state(10, t0))).isEqualTo(LiveStateView.Outcome.APPLIED);
        assertThat(view.apply(state(11, t0))).isEqualTo(LiveStateView.Outcome.APPLIED);
        assertThat(view.apply(state(12, t0.plusSeconds(1)))).isEqualTo(LiveStateView.Outcome.APPLIED);
        assertThat(seen).containsExactly(10, 11, 12);
    }

    @Test
    void rejectsOlderStatesAndUnknownFacilities() {
        view.apply(state(10, t0));
        assertThat(view.apply(state(5, t0.minusSeconds(1)))).isEqualTo(LiveStateView.Outcome.OUT_OF_ORDER);
        assertThat(view.apply(new FacilityState("zz", 1, 5, FacilityStatus.OPEN, Trend.STEADY, t0, Set.of())))
                .isEqualTo(LiveStateView.Outcome.UNKNOWN_FACILITY);
        assertThat(view.state("a").orElseThrow().free()).isEqualTo(10);
    }
}
