package de.parkleit.signbridge;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.sign.SignAck;
import de.parkleit.core.sign.SignFrame;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-sign rules, on a made-up clock: safe text within the validity, stale, broker loss, rate limit, retries, echo. */
class SignLinkTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private static final Timings TIMINGS = new Timings(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMinutes(3));

    private final LogDriver driver = new LogDriver("s1", Clock.systemUTC());

    private SignLink link(SafeText safe) {
        return new SignLink(Frames.blank("s1", Instant.EPOCH), driver, safe, TIMINGS, T0);
    }

    private static SignAck ok(SignLink l, SignLink.Show s, Instant at) {
        return l.shown(s, new Displayed(SignAck.linesOf(s.frame()), at), at);
    }

    @Test
    void showsTheDecidedFrameThenItsSafeTextBeforeTheValidityEndsThenTheNextFrame() {
        SignLink l = link(SafeText.DASH);
        SignFrame f = Frames.frame("s1", 12, T0, 60);
        l.decided(f);
        SignLink.Show s = l.due(T0, null);
        assertThat(s.frame()).isEqualTo(f);
        assertThat(s.safe()).isNull();
        assertThat(ok(l, s, T0).fault()).isNull();
        assertThat(l.due(T0.plusSeconds(30), null)).as("unchanged").isNull();
        assertThat(l.due(T0.plusSeconds(54), null)).as("before the safe margin").isNull();
        SignLink.Show safe = l.due(T0.plusSeconds(55), null);
        assertThat(safe.safe()).isEqualTo("expired");
        assertThat(safe.at()).isBefore(f.validUntil());
        assertThat(SignAck.linesOf(safe.frame())).containsExactly("P1 Poststraße —", "P3 Crowne Plaza —", "P4 Kornmarkt [Altstadt] —");
        SignAck a = ok(l, safe, T0.plusSeconds(55));
        assertThat(a.safe()).isEqualTo("expired");
        assertThat(a.decidedTs()).isNull();
        assertThat(l.showsSafe()).isTrue();
        SignFrame back = Frames.frame("s1", 11, T0.plusSeconds(70), 60);
        l.decided(back);
        assertThat(l.due(T0.plusSeconds(70), null).frame()).isEqualTo(back);
    }

    @Test
    void blankSafeTextHasNoLines() {
        SignLink l = link(SafeText.BLANK);
        l.decided(Frames.frame("s1", 12, T0, 60));
        ok(l, l.due(T0, null), T0);
        assertThat(l.due(T0.plusSeconds(56), null).frame().lines()).isEmpty();
    }

    @Test
    void staleFrameGoesSafeEvenWithALongValidity() {
        SignLink l = link(SafeText.DASH);
        l.decided(Frames.frame("s1", 12, T0.minus(Duration.ofMinutes(6)), 3600));
        SignLink.Show s = l.due(T0, null);
        assertThat(s.safe()).isEqualTo("stale");
        SignLink fresh = link(SafeText.DASH);
        fresh.decided(Frames.frame("s1", 12, T0, 3600));
        ok(fresh, fresh.due(T0, null), T0);
        assertThat(fresh.due(T0.plus(Duration.ofMinutes(4)).plusSeconds(54), null)).isNull();
        assertThat(fresh.due(T0.plus(Duration.ofMinutes(4)).plusSeconds(55), null).safe()).isEqualTo("stale");
    }

    @Test
    void brokerLossGoesSafeAfterTheGraceAndBackWhenItReturns() {
        SignLink l = link(SafeText.DASH);
        SignFrame f = Frames.frame("s1", 12, T0, 120);
        l.decided(f);
        ok(l, l.due(T0, null), T0);
        Instant lost = T0.plusSeconds(3);
        assertThat(l.due(lost.plusSeconds(9), lost)).isNull();
        SignLink.Show s = l.due(lost.plusSeconds(10), lost);
        assertThat(s.safe()).isEqualTo("broker_lost");
        ok(l, s, lost.plusSeconds(10));
        assertThat(l.due(lost.plusSeconds(11), lost)).as("already safe").isNull();
        assertThat(l.due(lost.plusSeconds(12), null).frame()).as("broker back, frame still valid").isEqualTo(f);
    }

    @Test
    void atMostOneShowPerMinimumIntervalAndTheNewestWins() {
        SignLink l = link(SafeText.DASH);
        l.decided(Frames.frame("s1", 12, T0, 120));
        SignLink.Show first = l.due(T0, null);
        assertThat(l.due(T0, null)).as("one in flight").isNull();
        ok(l, first, T0.plusMillis(20));
        l.decided(Frames.frame("s1", 11, T0.plusMillis(100), 120));
        l.decided(Frames.frame("s1", 10, T0.plusMillis(200), 120));
        assertThat(l.decided(Frames.frame("s1", 99, T0.plusMillis(50), 120))).as("older ts ignored").isFalse();
        assertThat(l.due(T0.plusMillis(999), null)).isNull();
        SignLink.Show next = l.due(T0.plusSeconds(1), null);
        assertThat(next.frame().lines().get(0).free()).isEqualTo(10);
    }

    @Test
    void failedAndWronglyEchoedShowsAreFaultsAndRetried() {
        SignLink l = link(SafeText.DASH);
        l.decided(Frames.frame("s1", 12, T0, 120));
        SignLink.Show s = l.due(T0, null);
        SignAck a = l.failed(s, new SignDriverException("timeout", "no answer within 2000 ms"), T0.plusSeconds(2));
        assertThat(a.fault()).isEqualTo("timeout: no answer within 2000 ms");
        assertThat(a.displayed()).isNull();
        assertThat(l.due(T0.plusSeconds(4), null)).as("retry waits").isNull();
        SignLink.Show retry = l.due(T0.plusSeconds(5), null);
        assertThat(retry).isNotNull();
        SignAck wrong = l.shown(retry, new Displayed(List.of(), T0.plusSeconds(5)), T0.plusSeconds(5));
        assertThat(wrong.fault()).startsWith("wrong_echo");
        assertThat(wrong.displayed()).isEmpty();
        assertThat(l.overdue(T0.plus(Duration.ofMinutes(3)).plusSeconds(1))).isTrue();
        SignLink.Show again = l.due(T0.plusSeconds(10), null);
        assertThat(ok(l, again, T0.plusSeconds(10)).fault()).isNull();
        assertThat(l.overdue(T0.plus(Duration.ofMinutes(3)).plusSeconds(1))).isFalse();
    }

    @Test
    void aSignWithoutFrameWaitsTheSettleThenShowsBlank() {
        SignLink l = link(SafeText.DASH);
        assertThat(l.due(T0.plusSeconds(1), null)).isNull();
        SignLink.Show s = l.due(T0.plusSeconds(2), null);
        assertThat(s.safe()).isEqualTo("no_frame");
        assertThat(s.frame().lines()).isEmpty();
        ok(l, s, T0.plusSeconds(2));
        l.decided(Frames.frame("s1", 5, T0.plusSeconds(3), 120));
        ok(l, l.due(T0.plusSeconds(3), null), T0.plusSeconds(3));
        l.removed();
        assertThat(l.due(T0.plusSeconds(4), null).safe()).isEqualTo("no_frame");
    }

    @Test
    void timingsRefuseARateLimitBelowOneSecond() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Timings(Duration.ofMillis(999), Duration.ofSeconds(5),
                Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMinutes(3)))
                .hasMessageContaining("at least 1s");
    }
}
