package de.parkleit.guidance;

import de.parkleit.core.guidance.Issued;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IssuedLedgerTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static Issued issued(String req, String facility, Duration counts) {
        return new Issued(req, facility, NOW, NOW.plus(counts), 0.9, "other");
    }

    @Test
    void countsARecommendationUntilItEndsAndOnlyOnce() {
        IssuedLedger ledger = new IssuedLedger();
        assertThat(ledger.add(issued("r1", "p1", Duration.ofMinutes(5)), NOW)).isTrue();
        assertThat(ledger.add(issued("r1", "p1", Duration.ofMinutes(5)), NOW)).as("redelivered").isFalse();
        assertThat(ledger.add(issued("r2", "p1", Duration.ofMinutes(1)), NOW)).isTrue();
        assertThat(ledger.pending("p1", NOW)).isEqualTo(2);
        assertThat(ledger.pending("p1", NOW.plus(Duration.ofMinutes(1)))).isEqualTo(1);
        assertThat(ledger.pending("p1", NOW.plus(Duration.ofMinutes(5)))).isZero();
        assertThat(ledger.pendingTotal(NOW.plus(Duration.ofMinutes(5)))).isZero();
        assertThat(ledger.add(issued("r3", "p2", Duration.ofMinutes(1)), NOW.plus(Duration.ofMinutes(2))))
                .as("already over").isFalse();
    }

    @Test
    void decideSeesThePendingCountsAndRecordsItsChoice() {
        IssuedLedger ledger = new IssuedLedger();
        ledger.add(issued("r1", "p1", Duration.ofMinutes(5)), NOW);
        int seen = ledger.decide(NOW, pending -> new IssuedLedger.Decision<>(pending.applyAsInt("p1"),
                issued("r2", "p1", Duration.ofMinutes(5))));
        assertThat(seen).isEqualTo(1);
        assertThat(ledger.pending("p1", NOW)).isEqualTo(2);
        ledger.decide(NOW, pending -> new IssuedLedger.Decision<>(0, null));
        assertThat(ledger.recorded()).isEqualTo(2);
    }
}
