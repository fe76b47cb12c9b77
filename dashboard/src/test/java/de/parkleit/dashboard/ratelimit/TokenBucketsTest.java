package de.parkleit.dashboard.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private static final long S = 1_000_000_000L;

    @Test
    void grantsTheBurstThenRefillsAtTheRate() {
        TokenBuckets b = new TokenBuckets(60, 3, 10); // one per second, burst 3
        assertThat(b.tryAcquire("a", 0)).isZero();
        assertThat(b.tryAcquire("a", 0)).isZero();
        assertThat(b.tryAcquire("a", 0)).isZero();
        long wait = b.tryAcquire("a", 0);
        assertThat(wait).isBetween(990L, 1000L);
        assertThat(b.tryAcquire("b", 0)).as("other clients have their own bucket").isZero();
        assertThat(b.tryAcquire("a", S)).isZero();
        assertThat(b.tryAcquire("a", S)).isPositive();
        assertThat(b.tryAcquire("a", 100 * S)).isZero();
    }

    @Test
    void forgetsTheLeastRecentClientsBeyondTheCap() {
        TokenBuckets b = new TokenBuckets(60, 1, 2);
        b.tryAcquire("a", 0);
        b.tryAcquire("b", 0);
        b.tryAcquire("c", 0);
        assertThat(b.clients()).isEqualTo(2);
        assertThat(b.tryAcquire("a", 0)).as("a was forgotten, so it starts full").isZero();
    }
}
