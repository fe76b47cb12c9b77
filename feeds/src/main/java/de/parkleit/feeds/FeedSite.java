package de.parkleit.feeds;

import de.parkleit.core.reading.FacilityStatus;

import java.time.Instant;

/**
 * One parking site as a feed describes it, in the source's own ids and time stamps. Static fields
 * (name, position) and live fields (free, observedAt) are null when the publication does not carry
 * them (a DATEX II status publication has no names; a table publication has no free counts).
 *
 * @param sourceId   the site id in the feed (DATEX II parkingRecord id, NGSI entity id, ParkAPI id)
 * @param capacity   total spaces (static or realtime override), null if absent
 * @param free       free spaces now, null if absent
 * @param status     opening status, null if absent or not understood
 * @param observedAt the source's own time of the status, null if absent
 */
public record FeedSite(String sourceId, String name, Integer capacity, Integer free, FacilityStatus status,
                       Instant observedAt, Double lat, Double lon) {
}
