package de.parkleit.ingest.validate;

import de.parkleit.core.reading.CountsReading;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.reading.SpaceReading;
import de.parkleit.ingest.decode.RejectReason;
import de.parkleit.ingest.decode.RejectedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Checks a decoded reading against what the city knows: its facility must exist and its timestamp
 * must not lie more than {@code maxFuture} ahead of the receiving clock. Throws only {@link RejectedException}.
 */
public final class ReadingValidator {

    /** Readings before this are surely a gateway with an unset clock (1970, 2000, ...). */
    static final Instant EARLIEST = Instant.parse("2010-01-01T00:00:00Z");

    private final Set<String> facilityIds;
    private final Duration maxFuture;

    public ReadingValidator(Set<String> facilityIds, Duration maxFuture) {
        this.facilityIds = Set.copyOf(facilityIds);
        this.maxFuture = maxFuture;
    }

    public void validate(Reading r, Instant now) {
        if (r.ts().isAfter(now.plus(maxFuture))) {
            throw new RejectedException(RejectReason.FUTURE_TIMESTAMP,
                    "ts " + r.ts() + " is more than " + maxFuture.toMinutes() + " min after now " + now);
        }
        if (r.ts().isBefore(EARLIEST)) {
            throw new RejectedException(RejectReason.BAD_TIMESTAMP, "ts " + r.ts() + " is before " + EARLIEST);
        }
        String facility = facilityOf(r);
        if (facility != null && !facilityIds.contains(facility)) {
            throw new RejectedException(RejectReason.UNKNOWN_FACILITY, "unknown facility " + facility);
        }
    }

    /** The facility a reading is about, or null for traffic readings. */
    public static String facilityOf(Reading r) {
        if (r instanceof OccupancyReading o) {
            return o.facilityId();
        } else if (r instanceof CountsReading c) {
            return c.facilityId();
        } else if (r instanceof SpaceReading s) {
            return s.facilityId();
        }
        return null;
    }
}
