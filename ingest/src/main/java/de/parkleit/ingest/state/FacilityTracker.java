package de.parkleit.ingest.state;

import de.parkleit.core.reading.CountsReading;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.SpaceReading;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.QualityFlag;
import de.parkleit.core.state.Trend;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The live state of one facility. Applies readings in time order: a reading not newer than the
 * current state (late or duplicate) leaves it unchanged; absolute readings re-anchor barrier
 * counters; implausible values are clamped and flagged, never taken silently.
 */
final class FacilityTracker {

    private final String id;
    private final int capacity;
    private final StateRules rules;
    private final TrendWindow trend;
    private final NightWatch night;
    private final EnumSet<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
    private Instant lastTs;
    private int free;
    private boolean known;
    private boolean stale;
    private FacilityStatus status = FacilityStatus.OPEN;
    private long lastSeq = -1;
    private Instant lastCountsTs;
    private boolean counterDerived;
    private Map<String, Long> spaces;
    private int occupiedSpaces;

    FacilityTracker(String id, int capacity, StateRules rules) {
        this.id = id;
        this.capacity = capacity;
        this.rules = rules;
        this.trend = new TrendWindow(rules.trendWindow(), capacity);
        this.night = new NightWatch(rules.zone(), capacity, rules.driftShare());
    }

    Optional<FacilityState> occupancy(OccupancyReading r) {
        if (!isNewer(r.ts())) {
            return Optional.empty();
        }
        flags.clear();
        if (r.capacity() != null && r.capacity() != capacity) {
            flags.add(QualityFlag.CAPACITY_CHANGED);
        }
        int v = clamp(r.free(), QualityFlag.OUT_OF_RANGE);
        if (known && !stale && Duration.between(lastTs, r.ts()).compareTo(rules.jumpWindow()) <= 0
                && Math.abs(v - free) > rules.jumpShare() * capacity) {
            flags.add(QualityFlag.JUMP);
        }
        counterDerived = false;
        status = r.status() != null ? r.status() : FacilityStatus.OPEN;
        return set(v, r.ts());
    }

    Optional<FacilityState> counts(CountsReading r) {
        boolean gap = false;
        if (lastSeq >= 0) {
            boolean restarted = r.seq() < lastSeq && r.ts().isAfter(lastCountsTs);
            if (r.seq() == lastSeq || (r.seq() < lastSeq && !restarted)) {
                return Optional.empty();
            }
            gap = !restarted && r.seq() > lastSeq + 1;
        }
        lastSeq = r.seq();
        lastCountsTs = r.ts();
        if (!isNewer(r.ts())) {
            return Optional.empty();
        }
        flags.remove(QualityFlag.OUT_OF_RANGE);
        flags.remove(QualityFlag.JUMP);
        if (gap) {
            flags.add(QualityFlag.COUNTER_DRIFT);
        }
        int base = known ? free : capacity;
        long v = (long) base - r.entered() + r.exited();
        counterDerived = true;
        return set(clamp(v, QualityFlag.COUNTER_DRIFT), r.ts());
    }

    /** A newer reading of a known space that repeats its value: it changes nothing but the time last seen. */
    boolean isHeartbeat(SpaceReading r) {
        Long prev = spaces == null ? null : spaces.get(r.spaceId());
        return prev != null && (prev > 0) == r.occupied() && Math.abs(prev) < r.ts().toEpochMilli();
    }

    Optional<FacilityState> space(SpaceReading r) {
        if (spaces == null) {
            spaces = new HashMap<>();
        }
        long t = r.ts().toEpochMilli();
        Long prev = spaces.get(r.spaceId());
        if (prev != null && Math.abs(prev) >= t) {
            return Optional.empty();
        }
        // sign carries the value: positive = occupied since t, negative = free since t
        spaces.put(r.spaceId(), r.occupied() ? t : -t);
        if (prev != null && prev > 0) {
            occupiedSpaces--;
        }
        if (r.occupied()) {
            occupiedSpaces++;
        }
        flags.remove(QualityFlag.JUMP);
        flags.remove(QualityFlag.OUT_OF_RANGE);
        counterDerived = false;
        Instant ts = lastTs == null || r.ts().isAfter(lastTs) ? r.ts() : lastTs;
        return set(clamp(capacity - occupiedSpaces, QualityFlag.OUT_OF_RANGE), ts);
    }

    /** Takes over a state published earlier (retained, by this or another instance) if it is newer. */
    void adopt(FacilityState s) {
        if (s.updatedAt() == null || !isNewer(s.updatedAt())) {
            return;
        }
        lastTs = s.updatedAt();
        flags.clear();
        if (s.free() == null || s.flags().contains(QualityFlag.STALE)) {
            stale = true;
            flags.addAll(s.flags());
            flags.remove(QualityFlag.STALE);
            return;
        }
        flags.addAll(s.flags());
        free = Math.max(0, Math.min(capacity, s.free()));
        known = true;
        stale = false;
        status = s.status() == FacilityStatus.UNKNOWN ? FacilityStatus.OPEN : s.status();
        trend.add(lastTs, free);
    }

    /** Turns the state unknown once no reading came for the staleness limit; returns the new state then. */
    Optional<FacilityState> expire(Instant now) {
        if (lastTs == null || stale || !lastTs.plus(rules.staleAfter()).isBefore(now)) {
            return Optional.empty();
        }
        stale = true;
        trend.clear();
        return Optional.of(state());
    }

    /** Checks a completed night against the usual night level; returns the new state if drift was found. */
    Optional<FacilityState> checkNight(Instant now) {
        if (!counterDerived || stale || !night.driftedBy(now) || flags.contains(QualityFlag.COUNTER_DRIFT)) {
            return Optional.empty();
        }
        flags.add(QualityFlag.COUNTER_DRIFT);
        return Optional.of(state());
    }

    boolean hasState() {
        return lastTs != null;
    }

    FacilityState state() {
        if (lastTs == null) {
            return FacilityState.unknown(id, capacity);
        }
        if (stale || !known) {
            EnumSet<QualityFlag> f = EnumSet.copyOf(flags);
            f.add(QualityFlag.STALE);
            return new FacilityState(id, null, capacity, FacilityStatus.UNKNOWN, Trend.UNKNOWN, lastTs, f);
        }
        return new FacilityState(id, free, capacity, status, trend.trend(), lastTs, flags);
    }

    private boolean isNewer(Instant ts) {
        return lastTs == null || ts.isAfter(lastTs);
    }

    private int clamp(long v, QualityFlag flag) {
        if (v < 0 || v > capacity) {
            flags.add(flag);
            return (int) Math.max(0, Math.min(capacity, v));
        }
        return (int) v;
    }

    private Optional<FacilityState> set(int v, Instant ts) {
        free = v;
        known = true;
        stale = false;
        lastTs = ts;
        trend.add(ts, v);
        night.observe(ts, v, counterDerived);
        return Optional.of(state());
    }
}
