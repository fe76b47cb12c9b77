package de.parkleit.simulator.driver;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.state.FacilityState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A transparent guidance policy inside the simulator, for runs where parkleit's own guidance is
 * not wired (and as a yardstick for it). Scores each facility within reach of the destination by
 * drive time + 2 x walk time (the usual weighting of walking, docs/sources.md#walk-weight), excludes
 * facilities whose reported free spaces, less the recommendations issued for them in the last
 * {@link #ISSUED_WINDOW}, leave fewer than {@link #RESERVE} spaces (closed loop, as DESIGN.md
 * describes), and penalises nearly full ones. Not thread-safe.
 */
public final class ReferenceGuidance implements GuidanceClient {

    static final Duration ISSUED_WINDOW = Duration.ofMinutes(10);
    static final int RESERVE = 2;
    static final double WALK_WEIGHT = 2.0;
    static final double WALK_MPS = 1.3;
    static final double WALK_DETOUR = 1.25;
    static final double MAX_WALK_M = 1200;

    private final List<Facility> facilities;
    private final TravelTimes travel;
    private final StateView state;
    private final Map<String, Deque<Instant>> issued = new HashMap<>();

    public ReferenceGuidance(List<Facility> facilities, TravelTimes travel, StateView state) {
        this.facilities = List.copyOf(facilities);
        this.travel = travel;
        this.state = state;
    }

    @Override
    public List<String> recommend(Position from, Position to, Instant now) {
        record Scored(String id, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Facility f : facilities) {
            Position p = new Position(f.lat(), f.lon());
            double walkM = p.metersTo(to) * WALK_DETOUR;
            Optional<FacilityState> s = state.state(f.id());
            Optional<Drive> leg = travel.route(from, p);
            if (walkM > MAX_WALK_M || leg.isEmpty() || s.isEmpty() || s.get().free() == null) {
                continue;
            }
            int expectedFree = s.get().free() - recentlyIssued(f.id(), now);
            if (expectedFree < RESERVE) {
                continue;
            }
            double nearlyFull = expectedFree < 0.05 * f.capacity() + RESERVE ? 120 : 0;
            scored.add(new Scored(f.id(), leg.get().seconds() + WALK_WEIGHT * walkM / WALK_MPS + nearlyFull));
        }
        scored.sort(Comparator.comparingDouble(Scored::score));
        if (!scored.isEmpty()) {
            issued.computeIfAbsent(scored.get(0).id(), k -> new ArrayDeque<>()).addLast(now);
        }
        return scored.stream().map(Scored::id).toList();
    }

    private int recentlyIssued(String id, Instant now) {
        Deque<Instant> q = issued.get(id);
        if (q == null) {
            return 0;
        }
        while (!q.isEmpty() && q.peekFirst().isBefore(now.minus(ISSUED_WINDOW))) {
            q.pollFirst();
        }
        return q.size();
    }
}
