package de.parkleit.simulator.evaluation;

import de.parkleit.core.city.City;
import de.parkleit.simulator.driver.CachedTravelTimes;
import de.parkleit.simulator.driver.CrowFlyTravelTimes;
import de.parkleit.simulator.driver.InMemorySystem;
import de.parkleit.simulator.driver.ReferenceGuidance;
import de.parkleit.simulator.driver.SimulationPorts;
import de.parkleit.simulator.driver.TravelTimes;
import java.time.Instant;

/**
 * The simulator's own stand-in for parkleit: readings become state at once
 * ({@link InMemorySystem}), guidance is {@link ReferenceGuidance}, and travel uses the given
 * routes (by default straight lines x 1.3 at 25 km/h). Used by the standalone {@code simulate}
 * when the app does not supply its in-process system, and in tests.
 */
public final class ReferenceSystem implements SystemUnderTest {

    private final TravelTimes travel;
    private final String travelName;

    public ReferenceSystem() {
        this(new CrowFlyTravelTimes(), "straight line x 1.3 at 25 km/h");
    }

    public ReferenceSystem(TravelTimes travel, String travelName) {
        this.travel = new CachedTravelTimes(travel);
        this.travelName = travelName;
    }

    @Override
    public String describe() {
        return "simulator reference system: readings become state at once, reference guidance "
                + "(drive + 2 x walk time, closed loop on issued recommendations), travel: " + travelName;
    }

    @Override
    public TravelTimes travelTimes() {
        return travel;
    }

    @Override
    public SimulationPorts open(City city, Instant start, boolean guidanceOn) {
        InMemorySystem system = new InMemorySystem(city.facilities());
        return new SimulationPorts(travel, new ReferenceGuidance(city.facilities(), travel, system), system, system,
                SimulationPorts.Pacer.NONE);
    }
}
