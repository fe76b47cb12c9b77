package de.parkleit.simulator.driver;

/**
 * Everything the agents need from outside: routes, guidance, the reported state and where readings
 * go, plus how virtual time relates to the wall clock. Fast mode passes in-process adapters and
 * {@link Pacer#NONE}; real mode passes the wire implementations and {@link Pacer#REAL_TIME}.
 */
public record SimulationPorts(TravelTimes travel, GuidanceClient guidance, StateView state, ReadingSink sink, Pacer pacer) {

    /** Keeps virtual time from running ahead of the wall clock (real mode) or not at all (fast mode). */
    public interface Pacer {
        Pacer NONE = t -> { };
        Pacer REAL_TIME = t -> {
            long wait = t.toEpochMilli() - System.currentTimeMillis();
            if (wait > 0) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("simulation interrupted", e);
                }
            }
        };

        void awaitUntil(java.time.Instant virtualTime);
    }
}
