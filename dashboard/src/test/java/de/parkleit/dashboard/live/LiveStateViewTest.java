package de.parkleit.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.facility.FacilityType;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.Trend;
import de.parkleit.core.operation.FacilityOperation;
import java.time.Clock;
import java.time.ZoneOffset;
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
        view.addListener(id -> seen.add(view.state(id).orElseThrow().free()));
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

    @Test
    void operationOverridesWhileActiveAndExpires() {
        Clock[] clock = {Clock.fixed(t0, ZoneOffset.UTC)};
        Clock moving = new Clock() {
            public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId z) { return this; }
            public Instant instant() { return clock[0].instant(); }
        };
        LiveStateView v = new LiveStateView(List.of(a), moving);
        List<String> changed = new ArrayList<>();
        v.addListener(changed::add);
        FacilityOperation op = new FacilityOperation("a", FacilityStatus.CLOSED, "Markt", t0.plusSeconds(60), "op", t0);
        v.applyOperation("a", op);
        assertThat(v.activeOperation("a")).contains(op);
        assertThat(FacilityJson.of(v, "a").getString("status")).isEqualTo("closed");
        assertThat(FacilityJson.of(v, "a").getJsonObject("operation").getString("reason")).isEqualTo("Markt");
        assertThat(v.expireOperations()).isEmpty();
        clock[0] = Clock.fixed(t0.plusSeconds(60), ZoneOffset.UTC);
        assertThat(v.activeOperation("a")).isEmpty();
        assertThat(v.expireOperations()).containsExactly("a");
        assertThat(FacilityJson.of(v, "a").containsKey("operation")).isFalse();
        assertThat(changed).containsExactly("a", "a");
        assertThat(v.applyOperation("zz", null)).isEqualTo(LiveStateView.Outcome.UNKNOWN_FACILITY);
    }
}
