package de.parkleit.simulator.evaluation;

import de.parkleit.core.city.City;
import de.parkleit.core.facility.Facility;
import de.parkleit.simulator.driver.DriverParameters;
import de.parkleit.simulator.driver.EntryPoints;
import de.parkleit.simulator.driver.Position;
import de.parkleit.simulator.driver.Simulation;
import de.parkleit.simulator.driver.SimulationProgress;
import de.parkleit.simulator.driver.SimulationResult;
import de.parkleit.simulator.driver.Trip;
import de.parkleit.simulator.driver.TripGenerator;
import de.parkleit.simulator.profile.OccupancyModel;
import de.parkleit.simulator.profile.OccupancyShapes;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Prepares one scenario (model, entry points, trips, initial occupancy: all fixed by the seed)
 * and runs it with and without guidance against a {@link SystemUnderTest}, so control and
 * treatment differ only in the drivers' information.
 */
public final class ScenarioRunner {

    private final City city;
    private final Scenario scenario;
    private final DriverParameters params;
    private final SystemUnderTest system;
    private final long seed;
    private final Instant from;
    private final Instant to;
    private final List<Trip> trips;
    private final Map<String, Integer> longStay;
    private final Map<String, Integer> visitors = new LinkedHashMap<>();
    private final List<Position> entries;

    public ScenarioRunner(City city, Scenario scenario, ZoneId zone, DriverParameters params, SystemUnderTest system, long seed) {
        this.city = city;
        this.scenario = scenario;
        this.params = params;
        this.system = system;
        this.seed = seed;
        this.from = scenario.from(zone).toInstant();
        this.to = scenario.to(zone).toInstant();
        OccupancyModel model = new OccupancyModel(OccupancyShapes.bundled(), city.facilities(), zone, seed);
        this.entries = EntryPoints.around(city.facilities(), system.travelTimes());
        TripGenerator generator = new TripGenerator(model, city.facilities(), entries, params);
        Instant dayStart = scenario.day().atStartOfDay(zone).toInstant();
        this.longStay = generator.longStay(dayStart, scenario.day().plusDays(1).atStartOfDay(zone).toInstant());
        this.trips = generator.generate(from, to, scenario.demandScale(), seed, longStay);
        for (Facility f : city.facilities()) {
            double v = (model.expectedOccupied(f.id(), from) - longStay.get(f.id())) * scenario.demandScale();
            visitors.put(f.id(), (int) Math.max(0, Math.round(v)));
        }
    }

    public SimulationResult run(boolean guidanceOn, Consumer<SimulationProgress> progress) {
        Simulation sim = new Simulation(city.facilities(), system.open(city, from, guidanceOn), params, guidanceOn);
        return sim.run(trips, from, to, longStay, visitors, seed, progress);
    }

    public List<Trip> trips() {
        return trips;
    }

    public List<Position> entries() {
        return entries;
    }

    public Scenario scenario() {
        return scenario;
    }

    public DriverParameters params() {
        return params;
    }

    public Instant from() {
        return from;
    }

    public Instant to() {
        return to;
    }
}
