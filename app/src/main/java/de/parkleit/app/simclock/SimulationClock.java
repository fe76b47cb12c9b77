package de.parkleit.app.simclock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A node's clock during a simulation: it stands still until a simulator moves it, and never moves
 * backwards (ingest's live state and guidance's recommendations are ordered by it). Starts at the
 * wall time of its creation. Thread-safe.
 */
public final class SimulationClock extends Clock {

    /** Setting the clock to an earlier instant. */
    public static final class BackwardsException extends IllegalArgumentException {
        BackwardsException(Instant now, Instant asked) {
            super("the simulation clock only moves forward: it is at " + now + ", asked for " + asked);
        }
    }

    private final AtomicReference<Instant> now;

    public SimulationClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /**
     * Moves the clock to {@code t} (the same instant again is allowed).
     *
     * @throws BackwardsException if {@code t} is before the clock's time
     */
    public void set(Instant t) {
        Objects.requireNonNull(t, "t");
        now.accumulateAndGet(t, (old, asked) -> {
            if (asked.isBefore(old)) {
                throw new BackwardsException(old, asked);
            }
            return asked;
        });
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return ZonedView.of(this, zone);
    }
}
