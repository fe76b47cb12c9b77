package de.parkleit.guidance;

import de.parkleit.core.guidance.Issued;
import de.parkleit.core.facility.Facility;
import de.parkleit.routing.graph.GeoPoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

/**
 * Plans one trip: takes the open (or unknown) facilities within the radius of the destination,
 * drives to each, walks from each, forecasts each on arrival, and ranks them by expected cost
 *
 * <pre>score = drive + search(occupancy on arrival) + walkWeight * walk + (1 - P(free)) * fullPenalty</pre>
 *
 * where the occupancy and P(free) already count the recommendations pending at the facility
 * times the compliance. Only facilities where one more car stays within the expected free
 * spaces minus the safety margin are offered; the best is recorded in the {@link IssuedLedger}.
 * Closed and reserved facilities are never offered. Thread-safe; blocking (route searches).
 */
public final class GuidancePlanner {

    private final GuidanceConfig config;
    private final LiveFacilities live;
    private final ArrivalForecast forecast;
    private final DriveRouter drive;
    private final WalkRouter walk;
    private final IssuedLedger ledger;
    private final SearchTimeCurve searchTime;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private final String idPrefix;

    public GuidancePlanner(GuidanceConfig config, LiveFacilities live, ArrivalForecast forecast, DriveRouter drive,
                           WalkRouter walk, IssuedLedger ledger, SearchTimeCurve searchTime, Clock clock) {
        this.config = config;
        this.live = live;
        this.forecast = forecast;
        this.drive = drive;
        this.walk = walk;
        this.ledger = ledger;
        this.searchTime = searchTime;
        this.clock = clock;
        this.idPrefix = config.instanceId() + "-" + Long.toString(clock.millis(), 36) + "-";
    }

    /**
     * Ranks the facilities for a trip and records the recommendation.
     *
     * @param arrive planned arrival, or null to arrive as soon as the drive allows
     * @throws NoFacilityException       if nothing can be recommended
     * @throws GuidanceRequestException  if {@code arrive} is in the past or too far ahead
     * @throws de.parkleit.routing.network.OutsideNetworkException if the origin is off the road network
     */
    public GuidancePlan plan(GeoPoint from, GeoPoint to, Instant arrive) {
        Instant now = clock.instant();
        checkArrive(arrive, now);
        List<Facility> near = nearby(to, now);
        if (near.isEmpty()) {
            throw new NoFacilityException("no open facility within " + Math.round(config.radiusMeters()) + " m of the destination");
        }
        List<Optional<DriveLeg>> legs = drive.legs(from, near);
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < near.size(); i++) {
            Facility f = near.get(i);
            legs.get(i).ifPresent(leg -> options.add(option(f, leg, to, arrive, now)));
        }
        if (options.isEmpty()) {
            throw new NoFacilityException("no facility within " + Math.round(config.radiusMeters())
                    + " m of the destination can be reached by car from the origin");
        }
        String requestId = idPrefix + sequence.incrementAndGet();
        Ranking r = ledger.decide(now, pending -> {
            Ranking ranking = rank(options, pending, requestId, now);
            return new IssuedLedger.Decision<>(ranking, ranking.issued());
        });
        if (r.issued() == null) {
            throw new NoFacilityException("every facility within " + Math.round(config.radiusMeters())
                    + " m of the destination is expected to be full on arrival");
        }
        return new GuidancePlan(requestId, now, from, to, arrive, r.offered(), r.issued());
    }

    /** A facility with everything that does not depend on the closed loop. */
    private record Option(Facility facility, Availability availability, DriveLeg drive, WalkLeg walk, Instant arrival,
                          Prediction prediction) {
    }

    private Option option(Facility f, DriveLeg leg, GeoPoint to, Instant arrive, Instant now) {
        Instant byCar = now.plusMillis(Math.round(leg.seconds() * 1000));
        Instant arrival = arrive == null || arrive.isBefore(byCar) ? byCar : arrive;
        Availability a = live.availability(f.id(), now);
        Prediction p = a == Availability.OPEN
                ? forecast.predict(f.id(), live.state(f.id()), arrival)
                : Prediction.unknown(config.unknownProbability());
        return new Option(f, a, leg, walk.walk(new GeoPoint(f.lat(), f.lon()), to), arrival, p);
    }

    /** The offered candidates, best first, and the recommendation (null if none is offered). */
    private record Ranking(List<Candidate> offered, Issued issued) {
    }

    private Ranking rank(List<Option> options, ToIntFunction<String> pending,
                                                        String requestId, Instant now) {
        List<Candidate> scored = new ArrayList<>(options.size());
        for (Option o : options) {
            scored.add(score(o, pending.applyAsInt(o.facility().id())));
        }
        scored.sort(Comparator.comparingDouble(Candidate::score));
        List<Candidate> offered = scored.stream().filter(Candidate::withinBudget).limit(config.maxResults()).toList();
        if (offered.isEmpty()) {
            return new Ranking(offered, null);
        }
        Candidate best = offered.get(0);
        return new Ranking(offered, new Issued(requestId, best.facility().id(), now,
                countsUntil(now, best.arrival()), best.probabilityFree(), config.instanceId()));
    }

    /** Scores one option with {@code pending} recommendations counting against it. */
    private Candidate score(Option o, int pending) {
        int capacity = o.facility().capacity();
        double load = config.compliance() * pending;
        Prediction p = o.prediction();
        double probability = p.probabilityFree(load);
        double expected = p.known() ? Math.max(0, p.expectedFree() - load) : Double.NaN;
        double occupancy = p.known() ? 1 - expected / capacity : UNKNOWN_OCCUPANCY;
        double search = searchTime.seconds(occupancy);
        double score = o.drive().seconds() + search + config.walkWeight() * o.walk().seconds()
                + (1 - probability) * config.fullPenalty().toSeconds();
        double budget = p.known() ? p.expectedFree() : capacity * config.unknownBudgetShare();
        boolean within = config.compliance() * (pending + 1) <= budget - config.margin(capacity);
        return new Candidate(o.facility(), o.availability(), o.drive(), o.walk(), o.arrival(), pending, expected,
                probability, search, score, within, p.source());
    }

    /** Occupancy assumed for the search time where there is no number: the planning convention of "full" (85-90 %). */
    static final double UNKNOWN_OCCUPANCY = 0.9;

    private Instant countsUntil(Instant now, Instant arrival) {
        Instant byArrival = arrival.plus(config.arrivalGrace());
        Instant byHold = now.plus(config.hold());
        return byArrival.isBefore(byHold) ? byArrival : byHold;
    }

    private void checkArrive(Instant arrive, Instant now) {
        if (arrive == null) {
            return;
        }
        if (arrive.isBefore(now.minus(Duration.ofMinutes(1)))) {
            throw new GuidanceRequestException("arrive", "'arrive' must not be in the past, got " + arrive);
        }
        if (arrive.isAfter(now.plus(config.maxAhead()))) {
            throw new GuidanceRequestException("arrive", "'arrive' must be at most " + config.maxAhead().toHours()
                    + " h ahead, got " + arrive);
        }
    }

    /** Open or unknown facilities within the radius of {@code to}, nearest first, at most the candidate limit. */
    private List<Facility> nearby(GeoPoint to, Instant now) {
        record Near(Facility f, double d) {
        }
        List<Near> near = new ArrayList<>();
        for (Facility f : live.facilities()) {
            double d = to.distanceTo(new GeoPoint(f.lat(), f.lon()));
            if (d <= config.radiusMeters() && live.availability(f.id(), now).recommendable()) {
                near.add(new Near(f, d));
            }
        }
        near.sort(Comparator.comparingDouble(Near::d));
        return near.stream().limit(config.maxCandidates()).map(Near::f).toList();
    }
}
