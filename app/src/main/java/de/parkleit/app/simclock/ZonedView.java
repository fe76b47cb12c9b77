package de.parkleit.app.simclock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/** A clock that reads the instant of another clock and reports another zone: what {@link Clock#withZone} returns. */
public final class ZonedView extends Clock {

    private final Clock source;
    private final ZoneId zone;

    private ZonedView(Clock source, ZoneId zone) {
        this.source = source;
        this.zone = zone;
    }

    /** {@code source} itself when it already has {@code zone}, else a view of it in {@code zone}. */
    public static Clock of(Clock source, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return zone.equals(source.getZone()) ? source : new ZonedView(source, zone);
    }

    @Override
    public Instant instant() {
        return source.instant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return of(source, z);
    }
}
