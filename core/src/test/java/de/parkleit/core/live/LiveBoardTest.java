package de.parkleit.core.live;

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

class LiveBoardTest {

    private final Facility a = new Facility("a", "A", FacilityType.GARAGE, 49.4, 8.7, 100, "");
    private final LiveBoard view = new LiveBoard(List.of(a));
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
        assertThat(view.apply(state(10, t0))).isEqualTo(LiveBoard.Outcome.APPLIED);
        assertThat(view.apply(state(11, t0))).isEqualTo(LiveBoard.Outcome.APPLIED);
        assertThat(view.apply(state(12, t0.plusSeconds(1)))).isEqualTo(LiveBoard.Outcome.APPLIED);
        assertThat(seen).containsExactly(10, 11, 12);
    }

    @Test
    void rejectsOlderStatesAndUnknownFacilities() {
        view.apply(state(10, t0));
        assertThat(view.apply(state(5, t0.minusSeconds(1)))).isEqualTo(LiveBoard.Outcome.OUT_OF_ORDER);
        assertThat(view.apply(new FacilityState("zz", 1, 5, FacilityStatus.OPEN, Trend.STEADY, t0, Set.of())))
                .isEqualTo(LiveBoard.Outcome.UNKNOWN_FACILITY);
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
        LiveBoard v = new LiveBoard(List.of(a), moving);
        List<String> changed = new ArrayList<>();
        v.addListener(changed::add);
        FacilityOperation op = new FacilityOperation("a", FacilityStatus.CLOSED, "Markt", t0.plusSeconds(60), "op", t0);
        v.applyOperation("a", op);
        assertThat(v.activeOperation("a")).contains(op);
        assertThat(v.level("a")).isEqualTo(AvailabilityLevel.CLOSED);
        assertThat(v.expireOperations()).isEmpty();
        clock[0] = Clock.fixed(t0.plusSeconds(60), ZoneOffset.UTC);
        assertThat(v.activeOperation("a")).isEmpty();
        assertThat(v.expireOperations()).containsExactly("a");
        assertThat(v.level("a")).as("no state yet").isEqualTo(AvailabilityLevel.STALE);
        assertThat(changed).containsExactly("a", "a");
        assertThat(v.applyOperation("zz", null)).isEqualTo(LiveBoard.Outcome.UNKNOWN_FACILITY);
    }

    @Test
    void anEqualStateIsUnchangedAndNotAnnounced() {
        LiveBoard b = new LiveBoard(List.of(a));
        List<String> changed = new ArrayList<>();
        b.addListener(changed::add);
        FacilityState s = new FacilityState("a", 10, 100, FacilityStatus.OPEN, Trend.STEADY, Instant.parse("2026-03-02T08:00:00Z"), Set.of());
        assertThat(b.apply(s)).isEqualTo(LiveBoard.Outcome.APPLIED);
        assertThat(b.apply(s)).isEqualTo(LiveBoard.Outcome.UNCHANGED);
        assertThat(changed).containsExactly("a");
        assertThat(b.level("a")).isEqualTo(AvailabilityLevel.FEW);
    }

    @Test
    void concurrentWritersKeepTheNewestState() throws Exception {
        LiveBoard b = new LiveBoard(List.of(a));
        Instant base = Instant.parse("2026-03-02T08:00:00Z");
        Thread[] ts = new Thread[4];
        for (int w = 0; w < ts.length; w++) {
            int off = w;
            ts[w] = new Thread(() -> {
                for (int i = off; i < 4000; i += 4) {
                    b.apply(new FacilityState("a", i % 100, 100, FacilityStatus.OPEN, Trend.STEADY, base.plusSeconds(i), Set.of()));
                }
            });
            ts[w].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        assertThat(b.state("a").orElseThrow().updatedAt()).isEqualTo(base.plusSeconds(3999));
    }
}
