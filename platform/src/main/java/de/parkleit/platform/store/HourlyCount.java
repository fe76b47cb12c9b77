package de.parkleit.platform.store;

import java.time.Instant;

/** How many events of one id (facility for guidance, sign for sign changes) happened in [hour, hour + 1h). */
public record HourlyCount(Instant hour, String id, long count) {
}
