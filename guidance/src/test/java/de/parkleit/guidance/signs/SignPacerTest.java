package de.parkleit.guidance.signs;

import de.parkleit.core.sign.SignLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.facility.FacilityType;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.Trend;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One frame per sign per interval; the newest change wins and says how many it replaced; nothing is lost. */
class SignPacerTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private final Facility p1 = new Facility("p1", "P1 Poststraße", FacilityType.GARAGE, 49.407, 8.689, 200, "");
    private final Facility p2 = new Facility("p2", "P2 Kaufhof", FacilityType.GARAGE, 49.409, 8.697, 100, "");
    private final Sign s1 = new Sign("s1", "Sign 1", 49.40, 8.68, 40, List.of("p1", "p2"), Sign.Display.COUNT);
    private final Sign s2 = new Sign("s2", "Sign 2", 49.41, 8.70, 260, List.of("p2"), Sign.Display.COUNT);
    private final SignBoard board = new SignBoard(List.of(s1, s2), List.of(p1, p2), SignsConfig.defaults("t/parkleit/v1", null));
    private final SignPacer pacer = new SignPacer(Duration.ofSeconds(1));

    private List<SignBoard.Change> free(String facility, int free, int capacity, Instant at) {
        return board.apply(new FacilityState(facility, free, capacity, FacilityStatus.OPEN, Trend.STEADY, at, Set.of()), at);
    }

    private static List<String> texts(SignBoard.Change c) {
        return c.frame().lines().stream().map(SignLine::text).toList();
    }

    @Test
    void theFirstChangeGoesOutAtOnceLaterOnesWaitAndOnlyTheNewestIsSent() {
        assertThat(pacer.offer(free("p1", 120, 200, T0), T0)).hasSize(1);
        Instant t = T0.plusMillis(200);
        assertThat(pacer.offer(free("p1", 119, 200, t), t)).isEmpty();
        t = T0.plusMillis(400);
        assertThat(pacer.offer(free("p1", 118, 200, t), t)).isEmpty();
        assertThat(pacer.heldCount()).isEqualTo(1);
        assertThat(pacer.due(T0.plusMillis(999))).isEmpty();

        List<SignBoard.Change> due = pacer.due(T0.plusSeconds(1));
        assertThat(due).hasSize(1);
        assertThat(texts(due.get(0))).containsExactly("P1 Poststraße 118", "P2 Kaufhof —");
        assertThat(due.get(0).why()).endsWith("(newest of 2 changes within 1000 ms)");
        assertThat(pacer.due(T0.plusSeconds(5))).as("sent once").isEmpty();
        assertThat(pacer.heldCount()).isZero();
    }

    @Test
    void signsArePacedEachOnItsOwn() {
        assertThat(pacer.offer(free("p1", 120, 200, T0), T0)).extracting(c -> c.frame().signId()).containsExactly("s1");
        Instant t = T0.plusMillis(300);
        // p2 is on both signs: s2 has sent nothing yet, s1 sent 300 ms ago
        assertThat(pacer.offer(free("p2", 40, 100, t), t)).extracting(c -> c.frame().signId()).containsExactly("s2");
        assertThat(pacer.due(T0.plusSeconds(1))).extracting(c -> c.frame().signId()).containsExactly("s1");
    }

    @Test
    void aChangeAfterTheIntervalGoesOutAtOnceAndCarriesTheHeldOnesCount() {
        pacer.offer(free("p1", 120, 200, T0), T0);
        Instant t = T0.plusMillis(500);
        pacer.offer(free("p1", 100, 200, t), t);
        t = T0.plusMillis(1_100);
        List<SignBoard.Change> now = pacer.offer(free("p1", 90, 200, t), t);
        assertThat(now).hasSize(1);
        assertThat(texts(now.get(0))).first().isEqualTo("P1 Poststraße 90");
        assertThat(now.get(0).why()).endsWith("(newest of 2 changes within 1000 ms)");
        assertThat(pacer.heldCount()).isZero();
    }

    @Test
    void aFrameSentOtherwiseStartsTheIntervalAndZeroPacesNothing() {
        pacer.sent("s1", T0);
        assertThat(pacer.offer(free("p1", 120, 200, T0.plusMillis(10)), T0.plusMillis(10))).isEmpty();
        SignPacer off = new SignPacer(Duration.ZERO);
        assertThat(off.offer(free("p1", 119, 200, T0.plusMillis(20)), T0.plusMillis(20))).hasSize(1);
        assertThat(off.offer(free("p1", 118, 200, T0.plusMillis(20)), T0.plusMillis(20))).hasSize(1);
        assertThatThrownBy(() -> new SignPacer(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
