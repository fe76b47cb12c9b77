package de.parkleit.simulator.wire;

import de.parkleit.core.codec.FacilityStateCodec;
import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.topic.TopicKind;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.mqtt.MqttConnection;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.simulator.driver.ReadingSink;
import de.parkleit.simulator.driver.StateView;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readings out and live state in over MQTT: publishes native v1 occupancy readings with QoS 1 and
 * keeps the retained {@code state/facility/+} topics the system publishes. {@link #flush} waits
 * until the state of every facility published to shows the last reading's timestamp, so agents
 * decide on what the system really reports. Called from the simulation thread (blocking).
 */
public final class MqttSystem implements ReadingSink, StateView, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSystem.class);

    private final Topics topics;
    private final MqttConnection connection;
    private final Duration flushTimeout;
    private final Map<String, FacilityState> states = new ConcurrentHashMap<>();
    private final Map<String, Instant> pending = new LinkedHashMap<>();
    private final Map<String, Instant> unsynced = new LinkedHashMap<>();
    private long flushTimeouts;
    private long flushes;
    private long flushNanos;

    public MqttSystem(Vertx vertx, MqttSettings settings, Topics topics, Duration flushTimeout) {
        this.topics = topics;
        this.flushTimeout = flushTimeout;
        this.connection = new MqttConnection(vertx.getOrCreateContext(), settings, false);
        connection.messageHandler(m -> topics.match(m.topic())
                .filter(t -> t.kind() == TopicKind.FACILITY_STATE)
                .ifPresent(t -> {
                    try {
                        states.put(t.id(), FacilityStateCodec.decode(m.payload()));
                    } catch (RuntimeException e) {
                        LOG.debug("ignoring unreadable state on {}: {}", m.topic(), e.getMessage());
                    }
                }));
    }

    /** Connects and subscribes to the state topics; blocks. */
    public MqttSystem connect() {
        try {
            connection.connect().await(15, TimeUnit.SECONDS);
            connection.subscribe(topics.facilityStateFilter(), 1).await(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("MQTT broker " + connection.settings().url() + " did not answer in 15 s", e);
        }
        return this;
    }

    @Override
    public void publish(Reading reading) {
        connection.publish(topicOf(topics, reading), ReadingCodec.encode(reading), 1, false);
        if (reading instanceof OccupancyReading o) {
            pending.put(o.facilityId(), o.ts());
            unsynced.put(o.facilityId(), o.ts());
        }
    }

    /**
     * The newest occupancy reading per facility published since the last call (for a node on a
     * simulation clock, which is told what its guidance must have seen before the next decision).
     */
    public Map<String, Instant> takeUnsynced() {
        Map<String, Instant> m = new LinkedHashMap<>(unsynced);
        unsynced.clear();
        return m;
    }

    /** The native v1 topic of a reading. */
    public static String topicOf(Topics topics, Reading reading) {
        if (reading instanceof OccupancyReading o) {
            return topics.occupancy(o.facilityId());
        } else if (reading instanceof de.parkleit.core.reading.CountsReading c) {
            return topics.counts(c.facilityId());
        } else if (reading instanceof de.parkleit.core.reading.SpaceReading s) {
            return topics.space(s.facilityId(), s.spaceId());
        }
        return topics.traffic(((de.parkleit.core.reading.TrafficReading) reading).detectorId());
    }

    @Override
    public void flush() {
        flushes++;
        long t0 = System.nanoTime();
        try {
            awaitPending();
        } finally {
            flushNanos += System.nanoTime() - t0;
        }
    }

    private void awaitPending() {
        long deadline = System.nanoTime() + flushTimeout.toNanos();
        for (var e : pending.entrySet()) {
            while (!reflected(e.getKey(), e.getValue())) {
                if (System.nanoTime() > deadline) {
                    if (flushTimeouts++ == 0) {
                        LOG.warn("state of {} did not show the reading of {} within {}; continuing (counted)", e.getKey(),
                                e.getValue(), flushTimeout);
                    }
                    pending.clear();
                    return;
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for state", ie);
                }
            }
        }
        pending.clear();
    }

    private boolean reflected(String id, Instant ts) {
        FacilityState s = states.get(id);
        return s != null && s.updatedAt() != null && !s.updatedAt().isBefore(ts);
    }

    @Override
    public Optional<FacilityState> state(String facilityId) {
        return Optional.ofNullable(states.get(facilityId));
    }

    public long flushTimeouts() {
        return flushTimeouts;
    }

    /** How often and how long (ms) the simulation waited for the system's state. */
    public String flushStats() {
        return flushes + " flushes, " + flushNanos / 1_000_000 + " ms waiting, " + flushTimeouts + " timeouts";
    }

    @Override
    public void close() {
        connection.disconnect().await();
    }
}
