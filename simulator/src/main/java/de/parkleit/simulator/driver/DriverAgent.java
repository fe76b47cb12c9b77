package de.parkleit.simulator.driver;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One driver during one trip. Without guidance (or not complying) the driver heads for the known
 * facility nearest the destination; at a full one they queue if few cars wait (and give up
 * queueing after a while), else try the next known facility, then cruise to any unvisited one near
 * the destination (nearest to where they are first), and give up after the maximum search time.
 * Drivers who react to signs skip facilities the signs show as full. Complying drivers ask
 * guidance before the trip and again at every full facility and go where it says.
 */
final class DriverAgent {

    static final String GUIDED = "guided";
    static final String SIGNS = "signs";
    static final String OWN = "own";

    private final Trip trip;
    private final Simulation sim;
    private final String behaviour;
    private final Set<String> visited = new HashSet<>();
    private Position pos;
    private String firstTarget;
    private double approachM;
    private double approachS;
    private double searchM;
    private long searchStart = -1;
    private double queueS;
    private long queueSince;
    private int fullArrivals;
    private EventQueue.Event patience;

    DriverAgent(Trip trip, Simulation sim, boolean guidanceOn) {
        this.trip = trip;
        this.sim = sim;
        DriverParameters p = sim.params();
        this.behaviour = !guidanceOn ? OWN : trip.complianceDraw() < p.compliance() ? GUIDED
                : trip.signDraw() < p.signReaction() ? SIGNS : OWN;
        this.pos = trip.origin();
    }

    void start() {
        String t = behaviour.equals(GUIDED) ? fromGuidance() : null;
        if (t == null) {
            t = ownChoice();
        }
        if (t == null) {
            giveUp();
            return;
        }
        firstTarget = t;
        driveTo(t);
    }

    private void driveTo(String id) {
        Garage g = sim.garage(id);
        Optional<Drive> leg = sim.travel().route(pos, g.position);
        visited.add(id);
        if (leg.isEmpty()) {
            chooseNext();
            return;
        }
        if (searchStart >= 0) {
            searchM += leg.get().meters();
        } else {
            approachM += leg.get().meters();
            approachS += leg.get().seconds();
        }
        sim.events().after(leg.get().seconds(), () -> arrive(g));
    }

    private void arrive(Garage g) {
        pos = g.position;
        if (g.free() > 0 && g.queue.isEmpty()) {
            park(g);
            return;
        }
        if (g.free() <= 0) {
            fullArrivals++;
            g.arrivalsAtFull++;
        }
        if (searchStart < 0) {
            searchStart = sim.events().nowMillis();
        }
        if (g.queue.size() < trip.queueTolerance()) {
            queueSince = sim.events().nowMillis();
            g.queue.addLast(this);
            g.maxQueue = Math.max(g.maxQueue, g.queue.size());
            patience = sim.events().after(sim.params().queuePatience().toSeconds(), () -> leaveQueue(g));
            return;
        }
        chooseNext();
    }

    private void leaveQueue(Garage g) {
        g.queue.remove(this);
        queueS += (sim.events().nowMillis() - queueSince) / 1000.0;
        chooseNext();
    }

    /** Called by the simulation when a space frees up and this driver is first in the queue. */
    void admit(Garage g) {
        patience.cancel();
        queueS += (sim.events().nowMillis() - queueSince) / 1000.0;
        park(g);
    }

    private void park(Garage g) {
        double searchS = searchStart < 0 ? 0 : (sim.events().nowMillis() - searchStart) / 1000.0;
        double walk = g.position.metersTo(trip.destination()) * sim.params().walkDetour();
        sim.parked(this, g, trip.dwell());
        sim.record(new TripOutcome(trip.id(), trip.departAt(), behaviour, firstTarget, g.id(), sim.events().now(),
                approachM, approachS, searchM, searchS, queueS, fullArrivals, walk, false));
    }

    private void chooseNext() {
        long searched = searchStart < 0 ? 0 : sim.events().nowMillis() - searchStart;
        if (searched > sim.params().maxSearch().toMillis()) {
            giveUp();
            return;
        }
        String t = behaviour.equals(GUIDED) ? fromGuidance() : null;
        if (t == null) {
            t = ownChoice();
        }
        if (t == null) {
            t = cruise();
        }
        if (t == null) {
            giveUp();
            return;
        }
        driveTo(t);
    }

    private String fromGuidance() {
        sim.ports().sink().flush();
        List<String> ids = sim.guidance(pos, trip.destination());
        for (String id : ids) {
            if (!visited.contains(id) && sim.hasGarage(id)) {
                return id;
            }
        }
        return null;
    }

    private String ownChoice() {
        boolean readsSigns = behaviour.equals(SIGNS);
        if (readsSigns) {
            sim.ports().sink().flush();
        }
        String fallback = null;
        for (String id : trip.known()) {
            if (visited.contains(id) || !sim.hasGarage(id)) {
                continue;
            }
            if (!readsSigns || !sim.signs().showsFull(id)) {
                return id;
            }
            fallback = fallback == null ? id : fallback;
        }
        return fallback;
    }

    /** The unvisited facility nearest to here among those within the cruise radius of the destination. */
    private String cruise() {
        String best = null;
        double bestM = Double.MAX_VALUE;
        for (Garage g : sim.garages()) {
            if (visited.contains(g.id()) || g.position.metersTo(trip.destination()) > sim.params().cruiseRadiusM()) {
                continue;
            }
            double m = pos.metersTo(g.position);
            if (m < bestM) {
                bestM = m;
                best = g.id();
            }
        }
        return best;
    }

    private void giveUp() {
        double searchS = searchStart < 0 ? 0 : (sim.events().nowMillis() - searchStart) / 1000.0;
        sim.record(new TripOutcome(trip.id(), trip.departAt(), behaviour, firstTarget, null, null,
                approachM, approachS, searchM, searchS, queueS, fullArrivals, 0, true));
    }
}
