package de.parkleit.simulator.driver;

import de.parkleit.core.facility.Facility;
import de.parkleit.simulator.profile.Mix;
import de.parkleit.simulator.profile.OccupancyModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates the trips of a period from the occupancy model. Occupancy m(t) of each facility is
 * split into long-stay cars, the lowest occupancy of the day (residents, overnight parkers: they
 * stay all day and make no trips), and visitors above that. Visitor demand around each facility
 * follows its daily shape: per minute, arrivals are Poisson with rate
 * {@code scale * max(0, (m(t) - longStay)/meanDwell + dm/dt)}, the inflow that would produce the
 * modelled occupancy with exponential stays; {@code scale} above 1 is demand that the
 * (capacity-capped) observed curves cannot show. Each trip starts at a random entry point and
 * heads for a point scattered around that facility. Deterministic for a seed.
 */
public final class TripGenerator {

    private final OccupancyModel model;
    private final List<Facility> facilities;
    private final List<Position> entries;
    private final DriverParameters params;

    public TripGenerator(OccupancyModel model, List<Facility> facilities, List<Position> entries, DriverParameters params) {
        this.model = model;
        this.facilities = List.copyOf(facilities);
        this.entries = List.copyOf(entries);
        this.params = params;
    }

    /** Long-stay cars per facility: the lowest expected occupancy in [dayStart, dayEnd), sampled every 15 minutes. */
    public Map<String, Integer> longStay(Instant dayStart, Instant dayEnd) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Facility f : facilities) {
            double min = Double.MAX_VALUE;
            for (Instant t = dayStart; t.isBefore(dayEnd); t = t.plusSeconds(900)) {
                min = Math.min(min, model.expectedOccupied(f.id(), t));
            }
            out.put(f.id(), (int) Math.floor(min));
        }
        return out;
    }

    /** Trips departing in [from, to), with long-stay cars as given by {@link #longStay}. */
    public List<Trip> generate(Instant from, Instant to, double demandScale, long seed, Map<String, Integer> longStay) {
        SplittableRandom rnd = new SplittableRandom(Mix.of(seed, "trips", 0));
        double dwellMin = params.meanDwell().toSeconds() / 60.0;
        List<Trip> trips = new ArrayList<>();
        int id = 0;
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
            for (Facility f : facilities) {
                double m0 = model.expectedOccupied(f.id(), t);
                double m1 = model.expectedOccupied(f.id(), t.plusSeconds(60));
                double visitors = m0 - longStay.getOrDefault(f.id(), 0);
                double rate = demandScale * Math.max(0, visitors / dwellMin + (m1 - m0));
                int n = poisson(rnd, rate);
                for (int i = 0; i < n; i++) {
                    trips.add(trip(id++, t.plusMillis(rnd.nextLong(60_000)), f, rnd));
                }
            }
        }
        trips.sort(Comparator.comparing(Trip::departAt).thenComparingInt(Trip::id));
        return trips;
    }

    private Trip trip(int id, Instant at, Facility f, SplittableRandom rnd) {
        Position dest = new Position(f.lat(), f.lon())
                .offset(params.destinationSpreadM() * Math.sqrt(rnd.nextDouble()), rnd.nextDouble() * 2 * Math.PI);
        Position origin = entries.get(rnd.nextInt(entries.size()));
        double minutes = -Math.log(1 - rnd.nextDouble()) * params.meanDwell().toSeconds() / 60.0;
        Duration dwell = Duration.ofSeconds(Math.max(params.minDwell().toSeconds(), Math.round(minutes * 60)));
        List<String> known = known(dest, rnd);
        return new Trip(id, at, origin, dest, f.id(), dwell, known, rnd.nextDouble(), rnd.nextDouble(),
                rnd.nextInt(params.queueToleranceMax() + 1));
    }

    /** Facilities within the know radius, each known with the know probability, the nearest always; nearest first. */
    private List<String> known(Position dest, SplittableRandom rnd) {
        List<Facility> near = new ArrayList<>(facilities);
        near.sort(Comparator.comparingDouble(f -> dest.metersTo(new Position(f.lat(), f.lon()))));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < near.size(); i++) {
            Facility f = near.get(i);
            double walk = dest.metersTo(new Position(f.lat(), f.lon())) * params.walkDetour();
            boolean knows = rnd.nextDouble() < params.knowProbability();
            if (i == 0 || (walk <= params.knowRadiusM() && knows)) {
                out.add(f.id());
            }
        }
        return out;
    }

    static int poisson(SplittableRandom rnd, double mean) {
        if (mean <= 0) {
            return 0;
        }
        double l = Math.exp(-mean);
        double p = rnd.nextDouble();
        int k = 0;
        double term = l;
        double cdf = l;
        while (p > cdf && k < 10_000) {
            k++;
            term *= mean / k;
            cdf += term;
        }
        return k;
    }
}
