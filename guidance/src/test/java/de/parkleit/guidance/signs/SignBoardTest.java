package de.parkleit.guidance.signs;

import de.parkleit.core.sign.SignFrame;
import de.parkleit.core.sign.SignLine;
import de.parkleit.core.sign.Arrow;
import de.parkleit.core.sign.LineState;
import de.parkleit.core.sign.SignFrameCodec;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignBoardTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private final Facility p1 = new Facility("p1", "P1 Poststraße", FacilityType.GARAGE, 49.407, 8.689, 200, "");
    private final Facility p2 = new Facility("p2", "P2 Kaufhof", FacilityType.GARAGE, 49.409, 8.697, 100, "");
    private final Sign count = new Sign("s1", "Sign 1", 49.40, 8.68, 40, List.of("p1", "p2"), Sign.Display.COUNT);
    private final Sign text = new Sign("s2", "Sign 2", 49.41, 8.70, 260, List.of("p2"), Sign.Display.TEXT);
    private final SignBoard board = new SignBoard(List.of(count, text), List.of(p1, p2),
            SignsConfig.defaults("t/parkleit/v1", null));

    private static FacilityState state(String id, Integer free, int cap, FacilityStatus st, Instant at) {
        return new FacilityState(id, free, cap, st, Trend.STEADY, at, Set.of());
    }

    private static List<String> texts(SignFrame f) {
        return f.lines().stream().map(SignLine::text).toList();
    }

    @Test
    void showsDashesUntilDataArrivesThenCountsOrFrei() {
        assertThat(texts(board.frame("s1", T0))).containsExactly("P1 Poststraße —", "P2 Kaufhof —");
        List<SignBoard.Change> c = board.apply(state("p2", 40, 100, FacilityStatus.OPEN, T0), T0);
        assertThat(c).extracting(ch -> ch.frame().signId()).containsExactly("s1", "s2");
        assertThat(texts(board.frame("s1", T0))).containsExactly("P1 Poststraße —", "P2 Kaufhof 40");
        assertThat(texts(board.frame("s2", T0))).containsExactly("P2 Kaufhof frei");
        assertThat(c.get(0).why()).contains("P2 Kaufhof: free - -> 40 at 60.0 % occupancy, unknown -> free");
    }

    @Test
    void aStaleFacilityShowsADashNeverTheOldNumber() {
        board.apply(state("p1", 120, 200, FacilityStatus.OPEN, T0), T0);
        assertThat(board.tick(T0.plus(Duration.ofMinutes(10)))).isEmpty();
        List<SignBoard.Change> c = board.tick(T0.plus(Duration.ofMinutes(16)));
        assertThat(c).hasSize(1);
        SignLine line = c.get(0).frame().lines().get(0);
        assertThat(line.display()).isEqualTo("—");
        assertThat(line.free()).isNull();
        assertThat(line.state()).isEqualTo(LineState.UNKNOWN);
        assertThat(c.get(0).why()).isEqualTo("P1 Poststraße: last reading 16 min old -> —");
        board.apply(new FacilityState("p1", 120, 200, FacilityStatus.OPEN, Trend.STEADY, T0.plus(Duration.ofMinutes(17)),
                Set.of(QualityFlag.STALE)), T0.plus(Duration.ofMinutes(17)));
        assertThat(texts(board.frame("s1", T0))).first().isEqualTo("P1 Poststraße —");
    }

    @Test
    void closedAndReservedShowClosedNotFull() {
        board.apply(state("p2", 0, 100, FacilityStatus.RESERVED, T0), T0);
        assertThat(texts(board.frame("s2", T0))).containsExactly("P2 Kaufhof geschlossen");
        board.apply(state("p2", 30, 100, FacilityStatus.CLOSED, T0.plusSeconds(1)), T0.plusSeconds(1));
        SignLine l = board.frame("s1", T0).lines().get(1);
        assertThat(l.state()).isEqualTo(LineState.CLOSED);
        assertThat(l.display()).isEqualTo("geschlossen");
        assertThat(l.free()).isNull();
    }

    @Test
    void anOperatorReservationShowsClosedWithItsReasonAndEndsByItself() {
        board.apply(state("p2", 40, 100, FacilityStatus.OPEN, T0), T0);
        FacilityOperation op = new FacilityOperation("p2", FacilityStatus.RESERVED, "Weihnachtsmarkt",
                T0.plus(Duration.ofMinutes(30)), "alice", T0);
        List<SignBoard.Change> c = board.applyOperation("p2", op, T0.plusSeconds(1));
        assertThat(c).hasSize(2);
        assertThat(c.get(1).frame().lines().get(0).text()).isEqualTo("P2 Kaufhof geschlossen");
        assertThat(c.get(1).why()).isEqualTo("P2 Kaufhof: reserved by operator alice until 2026-11-28T10:30:00Z (Weihnachtsmarkt)");
        board.apply(state("p2", 38, 100, FacilityStatus.OPEN, T0.plus(Duration.ofMinutes(20))), T0.plus(Duration.ofMinutes(20)));
        assertThat(texts(board.frame("s2", T0))).containsExactly("P2 Kaufhof geschlossen");
        assertThat(board.tick(T0.plus(Duration.ofMinutes(31)))).hasSize(2);
        assertThat(texts(board.frame("s1", T0))).containsExactly("P1 Poststraße —", "P2 Kaufhof 38");
    }

    @Test
    void aTextSignDoesNotFlickerWhileOccupancyHoversAroundFull() {
        Instant t = T0;
        List<String> shown = new ArrayList<>();
        int[] frees = {20, 10, 6, 4, 6, 4, 6, 4, 7, 4, 9, 4, 6, 11, 12};
        for (int free : frees) {
            t = t.plusSeconds(30);
            for (SignBoard.Change c : board.apply(state("p2", free, 100, FacilityStatus.OPEN, t), t)) {
                if (c.frame().signId().equals("s2")) {
                    SignLine l = c.frame().lines().get(0);
                    shown.add(l.text() + "/" + l.state().wireName());
                }
            }
        }
        assertThat(shown).containsExactly("P2 Kaufhof frei/free", "P2 Kaufhof frei/almost_full", "P2 Kaufhof besetzt/full",
                "P2 Kaufhof frei/almost_full");
    }

    @Test
    void theAuditReasonNamesTheThresholdThatSwitched() {
        board.apply(state("p2", 10, 100, FacilityStatus.OPEN, T0), T0);
        List<SignBoard.Change> c = board.apply(state("p2", 5, 100, FacilityStatus.OPEN, T0.plusSeconds(5)), T0.plusSeconds(5));
        assertThat(c).filteredOn(ch -> ch.frame().signId().equals("s2")).singleElement()
                .satisfies(ch -> assertThat(ch.why()).isEqualTo(
                        "P2 Kaufhof: free 10 -> 5 at 95.0 % occupancy, almost_full -> full (occupancy rose to >= 95 %)"));
    }

    @Test
    void arrowsComeFromTheRoutesAndAChangeIsReported() {
        List<SignBoard.Change> c = board.setArrows("s1", Map.of("p1", Arrow.LEFT, "p2", Arrow.STRAIGHT), T0);
        assertThat(c).singleElement().satisfies(ch -> {
            assertThat(ch.frame().lines()).extracting(SignLine::arrow).containsExactly(Arrow.LEFT, Arrow.STRAIGHT);
            assertThat(ch.why()).contains("P1 Poststraße: arrow  -> left");
            assertThat(ch.frame().text()).isEqualTo("P1 Poststraße — ← | P2 Kaufhof — ↑");
        });
        assertThat(board.setArrows("s1", Map.of("p1", Arrow.LEFT, "p2", Arrow.STRAIGHT), T0)).isEmpty();
    }

    @Test
    void framesAreValidForTheConfiguredTime() {
        SignFrame f = board.frame("s1", T0);
        assertThat(f.validUntil()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
        String json = new String(SignFrameCodec.encode(f), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).contains("\"sign\":\"s1\"", "\"text\":\"P1 Poststraße —\"", "\"free\":null", "\"state\":\"unknown\"",
                "\"validUntil\":\"2026-11-28T10:02:00Z\"");
    }
}
