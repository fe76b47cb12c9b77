package de.parkleit.signbridge;

import java.time.Duration;
import java.util.Objects;

/**
 * The sign bridge's clock rules.
 *
 * @param minInterval least time between two shows on one sign (at least 1 s): a change within it waits, the newest goes
 * @param safeMargin  the safe text goes out this long before a frame's {@code validUntil}, so it is shown within the validity
 * @param maxFrameAge a frame whose {@code ts} is older than this is stale (its data nobody vouches for any more), whatever its
 *                    {@code validUntil} says
 * @param brokerGrace after the broker connection is lost, the decided frames stay this long, then the safe text goes out
 * @param retryAfter  a failed or wrongly echoed show of the same frame is tried again after this
 * @param settle      after start, signs without a frame wait this long for their retained frame before the safe text goes out
 * @param ackAlert    a sign without a good acknowledgement for this long raises the alert
 */
public record Timings(Duration minInterval, Duration safeMargin, Duration maxFrameAge, Duration brokerGrace,
                      Duration retryAfter, Duration settle, Duration ackAlert) {

    public static final Duration MIN_INTERVAL_FLOOR = Duration.ofSeconds(1);

    public Timings {
        Objects.requireNonNull(minInterval, "minInterval");
        Objects.requireNonNull(safeMargin, "safeMargin");
        Objects.requireNonNull(maxFrameAge, "maxFrameAge");
        Objects.requireNonNull(brokerGrace, "brokerGrace");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(settle, "settle");
        Objects.requireNonNull(ackAlert, "ackAlert");
        if (minInterval.compareTo(MIN_INTERVAL_FLOOR) < 0) {
            throw new IllegalArgumentException("the minimum interval between two shows on a sign is at least 1s, got " + minInterval);
        }
        for (Duration d : new Duration[] {safeMargin, brokerGrace, retryAfter, settle}) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("sign bridge durations must not be negative, got " + d);
            }
        }
        if (maxFrameAge.compareTo(safeMargin) <= 0 || ackAlert.isNegative() || ackAlert.isZero()) {
            throw new IllegalArgumentException("the maximum frame age must exceed the safe margin and the ack alert be positive");
        }
    }

    /** Defaults: 1 s between shows, safe 5 s before expiry, frames older than 5 min stale, 10 s broker grace, retry after 5 s,
     *  2 s settle, alert after 3 min without a good ack. */
    public static Timings defaults() {
        return new Timings(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofSeconds(10),
                Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMinutes(3));
    }
}
