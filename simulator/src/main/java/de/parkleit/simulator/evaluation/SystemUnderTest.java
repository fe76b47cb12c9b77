package de.parkleit.simulator.evaluation;

import de.parkleit.core.city.City;
import de.parkleit.simulator.driver.SimulationPorts;
import de.parkleit.simulator.driver.TravelTimes;
import java.time.Instant;

/**
 * What the agents run against. The app implements this for fast mode with in-process adapters
 * (routing network, ingest pipeline and live state, guidance on the virtual clock);
 * {@link ReferenceSystem} is the simulator's own stand-in; {@code WireSystem} talks to a
 * running parkleit over HTTP and MQTT (real mode).
 */
public interface SystemUnderTest extends AutoCloseable {

    /** A short description for the report, e.g. "in-process parkleit: routing graph, ingest, guidance". */
    String describe();

    /** Routes for placing entry points; the same for every run. */
    TravelTimes travelTimes();

    /**
     * Fresh ports for one run starting at {@code start}: state from earlier runs must not leak
     * (ingest's live state and guidance's issued recommendations start empty).
     */
    SimulationPorts open(City city, Instant start, boolean guidanceOn);

    @Override
    default void close() {
    }
}
