package de.parkleit.app.simulation;

import de.parkleit.app.simclock.ZonedView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The simulation's time as a {@link Clock}: it stands still until the simulation moves it. Single-threaded use. */
final class VirtualClock extends Clock {

    private Instant now;

    VirtualClock(Instant start) {
        this.now = start;
    }

    /** Sets the time (the simulation's clock only moves forward, but a caller may ask about an earlier instant). */
    void set(Instant t) {
        now = t;
    }

    /** Moves the time forward to {@code t}; an earlier {@code t} is ignored. */
    void advanceTo(Instant t) {
        if (t.isAfter(now)) {
            now = t;
        }
    }

    @Override
    public Instant instant() {
        return now;
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
