package de.parkleit.ingest.state;

import de.parkleit.core.reading.CountsReading;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.reading.SpaceReading;
import de.parkleit.core.state.FacilityState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live state of every facility of the city. Not thread-safe: owned by one verticle context.
 * Returned states are the ones to publish.
 */
public final class LiveState {

    private final Map<String, FacilityTracker> trackers = new LinkedHashMap<>();

    /** @param capacities configured capacity per facility id */
    public LiveState(Map<String, Integer> capacities, StateRules rules) {
        capacities.forEach((id, cap) -> trackers.put(id, new FacilityTracker(id, cap, rules)));
    }

    /** Applies a facility reading; returns the new state if the live state changed. Traffic readings return empty. */
    public Optional<FacilityState> apply(Reading r) {
        if (r instanceof OccupancyReading o) {
            return tracker(o.facilityId()).flatMap(t -> t.occupancy(o));
        } else if (r instanceof CountsReading c) {
            return tracker(c.facilityId()).flatMap(t -> t.counts(c));
        } else if (r instanceof SpaceReading s) {
            return tracker(s.facilityId()).flatMap(t -> t.space(s));
        }
        return Optional.empty();
    }

    /**
     * Whether a reading is a heartbeat: a single-space reading, newer than the last of its space, with the same
     * value. Asked before {@link #apply}: afterwards the reading is the last one.
     */
    public boolean isHeartbeat(Reading r) {
        return r instanceof SpaceReading s && tracker(s.facilityId()).map(t -> t.isHeartbeat(s)).orElse(false);
    }

    /** Takes over a retained state if it is newer than what this instance knows. Publishes nothing. */
    public void adopt(FacilityState s) {
        tracker(s.facilityId()).ifPresent(t -> t.adopt(s));
    }

    /** States that changed because their facility went stale or its counters drifted by {@code now}. */
    public List<FacilityState> expire(Instant now) {
        List<FacilityState> out = new ArrayList<>();
        for (FacilityTracker t : trackers.values()) {
            t.expire(now).or(() -> t.checkNight(now)).ifPresent(out::add);
        }
        return out;
    }

    /** The {@code unknown} state of every facility that has neither readings nor an adopted state. */
    public List<FacilityState> withoutState() {
        List<FacilityState> out = new ArrayList<>();
        trackers.values().stream().filter(t -> !t.hasState()).forEach(t -> out.add(t.state()));
        return out;
    }

    public Optional<FacilityState> current(String facilityId) {
        return tracker(facilityId).map(FacilityTracker::state);
    }

    public int size() {
        return trackers.size();
    }

    private Optional<FacilityTracker> tracker(String id) {
        return Optional.ofNullable(trackers.get(id));
    }
}
