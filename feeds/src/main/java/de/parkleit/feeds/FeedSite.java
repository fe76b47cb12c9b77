package de.parkleit.feeds;

import de.parkleit.core.facility.FacilityType;
import de.parkleit.core.reading.FacilityStatus;

import java.time.Instant;

/**
 * One parking site as a feed describes it, in the source's own ids and time stamps. Static fields
 * (name, position, type, opening hours, web page) and live fields (free, observedAt) are null when the
 * publication does not carry them (a DATEX II status publication has no names; a table publication has no
 * free counts).
 *
 * @param sourceId     the site id in the feed (DATEX II parkingRecord id, NGSI entity id, ParkAPI id)
 * @param capacity     total spaces (static or realtime override), null if absent
 * @param free         free spaces now, null if absent
 * @param status       opening status, null if absent or not understood
 * @param observedAt   the source's own time of the status, null if absent
 * @param type         garage, underground, lot, on-street … as the source names it, null if it does not
 * @param openingHours in OSM {@code opening_hours} syntax ({@code 24/7}, {@code 06:00-22:00}), null if not given
 * @param url          the operator's page for the site, null if not given
 */
public record FeedSite(String sourceId, String name, Integer capacity, Integer free, FacilityStatus status,
                       Instant observedAt, Double lat, Double lon, FacilityType type, String openingHours, String url) {

    /** A site without type, opening hours or web page (a status, or a source that has none). */
    public FeedSite(String sourceId, String name, Integer capacity, Integer free, FacilityStatus status,
                    Instant observedAt, Double lat, Double lon) {
        this(sourceId, name, capacity, free, status, observedAt, lat, lon, null, null, null);
    }

    /**
     * Opening hours from one daily period as feeds give it ({@code 06:00}, {@code 22:00:00}): {@code 24/7} when it
     * starts and ends at midnight (or ends at 24:00), else {@code HH:MM-HH:MM}; null when either is missing or
     * unreadable.
     */
    public static String dailyHours(String start, String end) {
        String s = hhmm(start);
        String e = hhmm(end);
        if (s == null || e == null) {
            return null;
        }
        if (s.equals("00:00") && (e.equals("00:00") || e.equals("24:00") || e.equals("23:59"))) {
            return "24/7";
        }
        return s + "-" + e;
    }

    private static String hhmm(String t) {
        if (t == null) {
            return null;
        }
        String x = t.trim();
        if (!x.matches("\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?")) {
            return null;
        }
        String[] p = x.split(":");
        int h = Integer.parseInt(p[0]);
        int m = Integer.parseInt(p[1]);
        if (h > 24 || m > 59 || (h == 24 && m != 0)) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "%02d:%02d", h, m);
    }
}
