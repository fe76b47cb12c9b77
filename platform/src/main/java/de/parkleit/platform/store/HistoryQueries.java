package de.parkleit.platform.store;

import de.parkleit.core.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** Parameter checks shared by both adapters, so they reject exactly the same requests. */
public final class HistoryQueries {

    /** Most series (facilities, detectors) in one history query. */
    public static final int MAX_SERIES = 100;
    /** Most buckets x series in one history query. */
    public static final long MAX_POINTS = 500_000;
    /** Longest range of the hourly event counts. */
    public static final Duration MAX_COUNT_RANGE = Duration.ofDays(366);

    private HistoryQueries() {
    }

    /** Validates ids (pattern, count) and removes duplicates, keeping the request order. */
    public static Set<String> requireIds(Collection<String> ids, String what) {
        Objects.requireNonNull(ids, what + " ids");
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("at least one " + what + " id is required");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            out.add(Ids.require(id, what + " id"));
        }
        if (out.size() > MAX_SERIES) {
            throw new IllegalArgumentException("at most " + MAX_SERIES + " " + what + " ids per query, got " + out.size());
        }
        return out;
    }

    /** Validates a multi-series request and returns its ids. */
    public static Set<String> requireSeries(Collection<String> ids, String what, HistoryWindow window) {
        Objects.requireNonNull(window, "window");
        Set<String> out = requireIds(ids, what);
        if (window.buckets() * out.size() > MAX_POINTS) {
            throw new IllegalArgumentException("the query would return up to " + window.buckets() * out.size()
                    + " points, at most " + MAX_POINTS + " allowed: fewer series, a shorter range or a coarser step");
        }
        return out;
    }

    /** Validates the range of an hourly count. */
    public static void requireCountRange(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to, got from=" + from + " to=" + to);
        }
        if (Duration.between(from, to).compareTo(MAX_COUNT_RANGE) > 0) {
            throw new IllegalArgumentException("range from..to must be at most " + MAX_COUNT_RANGE.toDays() + " days");
        }
    }
}
