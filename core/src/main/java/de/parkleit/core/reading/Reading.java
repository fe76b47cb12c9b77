package de.parkleit.core.reading;

import java.time.Instant;

/** One observation from a gateway, normalised from whatever wire format it came in. */
public sealed interface Reading permits OccupancyReading, CountsReading, SpaceReading, TrafficReading {

    /** When the sensor observed it (not when it arrived). */
    Instant ts();

    /** The id of the series this reading belongs to (facility or detector id). */
    String seriesId();
}
