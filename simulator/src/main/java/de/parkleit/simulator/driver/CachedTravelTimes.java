package de.parkleit.simulator.driver;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers routes between the same two points. Agents drive between a small set of points
 * (entry points, facilities), so a day of 20,000 trips needs only a few hundred route queries.
 * Travel times are thus fixed per run; live traffic is not fed back into them. Not thread-safe.
 */
public final class CachedTravelTimes implements TravelTimes {

    private final TravelTimes delegate;
    private final Map<Key, Optional<Drive>> cache = new HashMap<>();
    private long misses;

    private record Key(Position from, Position to) {
    }

    public CachedTravelTimes(TravelTimes delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<Drive> route(Position from, Position to) {
        Key k = new Key(from, to);
        Optional<Drive> hit = cache.get(k);
        if (hit == null) {
            misses++;
            hit = delegate.route(from, to);
            cache.put(k, hit);
        }
        return hit;
    }

    /** Queries that went to the delegate. */
    public long misses() {
        return misses;
    }
}
