package de.parkleit.simulator.driver;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.simulator.profile.Mix;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The discrete-event world: facilities with their ground-truth occupancy and entrance queues,
 * driver agents, and a virtual clock. Every entry and exit is published as a native occupancy
 * reading through the {@link ReadingSink}, so the system under test sees the world only as its
 * gateways report it. Deterministic for the same trips, seed and ports. One run per instance;
 * runs on the caller's thread.
 */
public final class Simulation {

    static final Duration SAMPLE_EVERY = Duration.ofMinutes(5);
    /** Searches still running at the end of the period get this long to finish. */
    static final Duration GRACE = Duration.ofHours(1);

    private final SimulationPorts ports;
    private final DriverParameters params;
    private final boolean guidanceOn;
    private final Map<String, Garage> garages = new LinkedHashMap<>();
    private final RoadsideSigns signs;
    private final List<TripOutcome> outcomes = new ArrayList<>();
    private final List<OccupancySample> samples = new ArrayList<>();
    private EventQueue events;
    private long guidanceCalls;
    private long readings;

    public Simulation(List<Facility> facilities, SimulationPorts ports, DriverParameters params, boolean guidanceOn) {
        this.ports = ports;
        this.params = params;
        this.guidanceOn = guidanceOn;
        this.signs = new RoadsideSigns(ports.state());
        facilities.forEach(f -> garages.put(f.id(), new Garage(f, 0)));
    }

    /**
     * Runs the trips departing in [from, to). Facilities start with {@code longStay} cars that stay
     * throughout and {@code visitors} cars whose remaining stays are exponential with the mean
     * dwell (drawn from the seed).
     */
    public SimulationResult run(List<Trip> trips, Instant from, Instant to, Map<String, Integer> longStay,
                                Map<String, Integer> visitors, long seed, Consumer<SimulationProgress> progress) {
        long t0 = System.nanoTime();
        events = new EventQueue(from);
        SplittableRandom rnd = new SplittableRandom(Mix.of(seed, "initial", 0));
        for (Garage g : garages.values()) {
            int fixed = Math.min(g.capacity(), longStay.getOrDefault(g.id(), 0));
            g.occupied = Math.min(g.capacity(), fixed + visitors.getOrDefault(g.id(), 0));
            for (int i = fixed; i < g.occupied; i++) {
                double s = -Math.log(1 - rnd.nextDouble()) * params.meanDwell().toSeconds();
                events.after(s, () -> leave(g));
            }
            publish(g);
        }
        int[] started = {0};
        for (Trip t : trips) {
            if (!t.departAt().isBefore(from) && t.departAt().isBefore(to)) {
                events.at(t.departAt(), () -> {
                    started[0]++;
                    new DriverAgent(t, this, guidanceOn).start();
                });
            }
        }
        int total = (int) trips.stream().filter(t -> !t.departAt().isBefore(from) && t.departAt().isBefore(to)).count();
        scheduleSampling(from, to);
        long end = to.plus(GRACE).toEpochMilli();
        long nextProgress = from.toEpochMilli();
        EventQueue.Event e;
        while ((e = events.next(end)) != null) {
            ports.pacer().awaitUntil(Instant.ofEpochMilli(e.at));
            e.action.run();
            if (e.at >= nextProgress) {
                nextProgress = e.at + SAMPLE_EVERY.toMillis();
                progress.accept(progressAt(from, to, started[0], total));
            }
            if (e.at >= to.toEpochMilli() && outcomes.size() >= total) {
                break;
            }
        }
        progress.accept(new SimulationProgress(to, 1.0, started[0], outcomes.size(), total));
        outcomes.sort(Comparator.comparingInt(TripOutcome::tripId));
        Map<String, Long> full = new LinkedHashMap<>();
        Map<String, Integer> maxQueue = new LinkedHashMap<>();
        garages.values().forEach(g -> {
            full.put(g.id(), g.arrivalsAtFull);
            maxQueue.put(g.id(), g.maxQueue);
        });
        return new SimulationResult(from, to, guidanceOn, List.copyOf(outcomes), List.copyOf(samples), full, maxQueue,
                guidanceCalls, readings, Duration.ofNanos(System.nanoTime() - t0));
    }

    private SimulationProgress progressAt(Instant from, Instant to, int started, int total) {
        double f = (events.nowMillis() - from.toEpochMilli()) / (double) (to.toEpochMilli() - from.toEpochMilli());
        return new SimulationProgress(events.now(), Math.min(0.999, f), started, outcomes.size(), total);
    }

    private void scheduleSampling(Instant from, Instant to) {
        for (Instant t = from; t.isBefore(to); t = t.plus(SAMPLE_EVERY)) {
            Instant at = t;
            events.at(t, () -> garages.values().forEach(g ->
                    samples.add(new OccupancySample(at, g.id(), g.occupied, g.capacity(), g.queue.size()))));
        }
    }

    // ---- called by agents ----

    void parked(DriverAgent agent, Garage g, Duration dwell) {
        g.occupied++;
        g.entries++;
        publish(g);
        events.after(dwell.toSeconds(), () -> leave(g));
    }

    private void leave(Garage g) {
        if (g.occupied == 0) {
            return;
        }
        g.occupied--;
        publish(g);
        DriverAgent next = g.queue.pollFirst();
        if (next != null) {
            next.admit(g);
        }
    }

    /** Publishes the facility's free spaces; timestamps strictly increase per facility (ingest keeps one reading per instant). */
    private void publish(Garage g) {
        readings++;
        g.lastPublishedMs = Math.max(events.nowMillis(), g.lastPublishedMs + 1);
        ports.sink().publish(new OccupancyReading(g.id(), Instant.ofEpochMilli(g.lastPublishedMs), g.free(), g.capacity(),
                FacilityStatus.OPEN));
    }

    List<String> guidance(Position from, Position to) {
        guidanceCalls++;
        return ports.guidance().recommend(from, to, events.now());
    }

    void record(TripOutcome o) {
        outcomes.add(o);
    }

    Garage garage(String id) {
        return garages.get(id);
    }

    boolean hasGarage(String id) {
        return garages.containsKey(id);
    }

    Collection<Garage> garages() {
        return garages.values();
    }

    EventQueue events() {
        return events;
    }

    DriverParameters params() {
        return params;
    }

    SimulationPorts ports() {
        return ports;
    }

    TravelTimes travel() {
        return ports.travel();
    }

    RoadsideSigns signs() {
        return signs;
    }
}
