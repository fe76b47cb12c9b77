package de.parkleit.feeds;

import de.parkleit.core.Ids;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.reading.OccupancyReading;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the sites of one payload into canonical occupancy readings, for one source: maps source
 * ids to facility ids, rejects values no sensor could report (negative, free above capacity,
 * time in the future, unknown id, no time or no free count), and drops statuses that are not newer
 * than the last one sent for the facility, so an unchanged feed sends nothing and ingest's
 * stale-after turns the facility stale exactly as it does for a silent sensor.
 *
 * <p>Not thread-safe: one instance per source, used by one poller at a time.
 */
public final class FeedReadings {

    /**
     * Readings to publish, rejects, how many sites were unchanged since the last payload, and how many were held
     * back because their values had not changed for longer than the source's stale limit ({@code frozen}).
     */
    public record Result(List<OccupancyReading> readings, List<FeedProblem> rejects, int unchanged, int frozen) {

        public Result(List<OccupancyReading> readings, List<FeedProblem> rejects, int unchanged) {
            this(readings, rejects, unchanged, 0);
        }
    }

    /** The last status sent for a facility; {@code changedAt}: the time stamp of the first status with these values. */
    private record Sent(Instant ts, int free, Integer capacity, FacilityStatus status, Instant changedAt) {

        boolean sameValues(FeedSite s) {
            return free == s.free() && Objects.equals(capacity, s.capacity()) && status == s.status();
        }
    }

    private final Map<String, String> idMap;
    private final boolean identityIds;
    private final Duration maxFuture;
    private final Duration sendUnchangedFor;
    private final Map<String, Sent> last = new HashMap<>();

    /**
     * @param idMap       source site id → facility id
     * @param identityIds if true, a source id missing from the map is used as the facility id
     *                    (it must then exist in the city's facility list; ingest rejects it otherwise)
     * @param maxFuture   how far a source time stamp may lie ahead of {@code now} (clock skew)
     */
    public FeedReadings(Map<String, String> idMap, boolean identityIds, Duration maxFuture) {
        this(idMap, identityIds, maxFuture, null, Duration.ZERO);
    }

    /**
     * With a stale limit for the source: a site that keeps sending newer time stamps with the same free count,
     * capacity and status (a counter that froze behind a central that re-stamps it) is sent with its newer time
     * stamps only until {@code staleAfter − nodeStaleAfter} after its values last changed; from then on nothing is
     * sent for it until a value changes, so ingest's stale-after ({@code nodeStaleAfter}, counted from the last
     * reading's time stamp) turns it stale {@code staleAfter} after that change, as a silent sensor. A limit not
     * above the node's sends no re-stamped unchanged status at all (stale {@code nodeStaleAfter} after the change).
     *
     * @param staleAfter     the source's stale limit, null for none (every newer time stamp is sent)
     * @param nodeStaleAfter the node's stale-after ({@code PARKLEIT_STALE_AFTER})
     */
    public FeedReadings(Map<String, String> idMap, boolean identityIds, Duration maxFuture, Duration staleAfter,
                        Duration nodeStaleAfter) {
        this.idMap = Map.copyOf(idMap);
        this.identityIds = identityIds;
        this.maxFuture = Objects.requireNonNull(maxFuture, "maxFuture");
        if (staleAfter == null) {
            this.sendUnchangedFor = null;
        } else {
            Duration d = staleAfter.minus(Objects.requireNonNull(nodeStaleAfter, "nodeStaleAfter"));
            this.sendUnchangedFor = d.isNegative() ? Duration.ZERO : d;
        }
    }

    public Result apply(FeedSnapshot snapshot, Instant now) {
        List<OccupancyReading> out = new ArrayList<>();
        List<FeedProblem> rejects = new ArrayList<>(snapshot.problems());
        int unchanged = 0;
        int frozen = 0;
        for (FeedSite s : snapshot.sites()) {
            FeedProblem p = check(s, now);
            if (p != null) {
                rejects.add(p);
                continue;
            }
            String facility = facilityId(s.sourceId());
            if (facility == null) {
                rejects.add(new FeedProblem(Reasons.UNKNOWN_ID, s.sourceId(),
                        "site id is not in the source's id mapping"));
                continue;
            }
            Sent prev = last.get(facility);
            if (prev != null && !s.observedAt().isAfter(prev.ts())) {
                unchanged++;
                continue;
            }
            Instant changedAt = prev != null && prev.sameValues(s) ? prev.changedAt() : s.observedAt();
            if (sendUnchangedFor != null && prev != null && prev.sameValues(s)
                    && Duration.between(changedAt, s.observedAt()).compareTo(sendUnchangedFor) > 0) {
                frozen++;
                continue;
            }
            last.put(facility, new Sent(s.observedAt(), s.free(), s.capacity(), s.status(), changedAt));
            // the occupancy wire knows open and closed only: a status the source calls unknown (Heidelberg's
            // "Stoerung") is left out, as a gateway that reports counts only would
            FacilityStatus status = s.status() == FacilityStatus.UNKNOWN ? null : s.status();
            // a capacity of 0 (Aachen's closed P5 overrides it so) is not a capacity the wire takes (> 0):
            // it is left out and the facility keeps its own
            Integer capacity = s.capacity() != null && s.capacity() == 0 ? null : s.capacity();
            out.add(new OccupancyReading(facility, s.observedAt(), s.free(), capacity, status));
        }
        return new Result(out, rejects, unchanged, frozen);
    }

    /** The value checks alone, for {@code feed check}: null if the site would be sent. */
    public FeedProblem check(FeedSite s, Instant now) {
        if (s.free() == null) {
            return new FeedProblem(Reasons.MISSING_FIELD, s.sourceId(), "no free count");
        }
        if (s.observedAt() == null) {
            return new FeedProblem(Reasons.MISSING_FIELD, s.sourceId(), "no time stamp of the status");
        }
        if (s.free() < 0 || (s.capacity() != null && s.capacity() < 0)) {
            return new FeedProblem(Reasons.NEGATIVE, s.sourceId(),
                    "negative count: free " + s.free() + ", capacity " + s.capacity());
        }
        if (s.capacity() != null && s.free() > s.capacity()) {
            return new FeedProblem(Reasons.FREE_ABOVE_CAPACITY, s.sourceId(),
                    "free " + s.free() + " > capacity " + s.capacity());
        }
        if (s.observedAt().isAfter(now.plus(maxFuture))) {
            return new FeedProblem(Reasons.FUTURE_TIME, s.sourceId(),
                    "status time " + s.observedAt() + " is ahead of now " + now + " by more than " + maxFuture);
        }
        return null;
    }

    private String facilityId(String sourceId) {
        String mapped = idMap.get(sourceId);
        if (mapped != null) {
            return mapped;
        }
        return identityIds && Ids.isValid(sourceId) ? sourceId : null;
    }
}
