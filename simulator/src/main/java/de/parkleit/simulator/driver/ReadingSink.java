package de.parkleit.simulator.driver;

import de.parkleit.core.reading.Reading;

/**
 * Port: where the simulated gateways' readings go when agents enter and leave. Implementations:
 * {@code MqttReadingSink} (native v1 over MQTT QoS 1), {@link InMemorySystem}, and the app's
 * in-process adapter that hands readings to ingest's pipeline for fast mode.
 */
public interface ReadingSink {

    void publish(Reading reading);

    /**
     * Returns once everything published so far is visible through the system's state (real mode
     * waits for the round trip, so decisions do not depend on message timing). Default: nothing to wait for.
     */
    default void flush() {
    }
}
