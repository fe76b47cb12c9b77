package de.parkleit.simulator.gateway;

import de.parkleit.core.city.City;
import de.parkleit.core.reading.TrafficReading;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.mqtt.MqttConnection;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.simulator.SimulatorConfig;
import de.parkleit.simulator.profile.Mix;
import de.parkleit.simulator.profile.OccupancyModel;
import de.parkleit.simulator.profile.OccupancyShapes;
import de.parkleit.simulator.profile.TrafficModel;
import de.parkleit.simulator.profile.TrafficShapes;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated gateways for every facility (and configured detector) of the city. Every
 * {@link SimulatorConfig#publishInterval()}, at the real time of {@code clock}, each facility's
 * gateway reports what {@link OccupancyGateways} did since the last tick: by default a native v1
 * occupancy reading ({@code {"ts":…,"free":…,"capacity":…,"status":"open"}}); with
 * {@code PARKLEIT_SIM_GATEWAYS}/{@code _FORMAT} barrier counts or single spaces, as TTN,
 * ChirpStack or SenML; with {@code PARKLEIT_SIM_FAULTS} drops, duplicates, late, out-of-order
 * and malformed messages and drifting counters. Publishes over its own MQTT connection (client id
 * suffixed {@code -gateway-sim}). Timers run on the event loop; only the resource load at start
 * runs on a worker.
 */
public final class GatewaySimulatorVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(GatewaySimulatorVerticle.class);

    private final SimulatorConfig config;
    private final MqttSettings mqtt;
    private final City city;
    private final Clock clock;
    private final long seed;
    private final Topics topics;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private MqttConnection connection;
    private OccupancyGateways gateways;
    private GatewayFleet fleet;
    private GatewayEncoder encoder;
    private FaultInjector faults;
    private DetectorGateways detectors;
    private long timer = -1;
    private boolean failing;

    public GatewaySimulatorVerticle(SimulatorConfig config, MqttSettings mqtt, City city, Clock clock, long seed) {
        this.config = config;
        this.mqtt = mqtt;
        this.city = city;
        this.clock = clock;
        this.seed = seed;
        this.topics = new Topics(config.topicRoot());
    }

    private record Shapes(OccupancyShapes occupancy, TrafficShapes traffic) {
    }

    @Override
    public Future<?> start() {
        return vertx.executeBlocking(() -> new Shapes(OccupancyShapes.bundled(), TrafficShapes.bundled())).compose(loaded -> {
            OccupancyShapes shapes = loaded.occupancy();
            OccupancyModel model = new OccupancyModel(shapes, city.facilities(), config.zone(), seed);
            gateways = new OccupancyGateways(model, clock.instant(), config.meanDwell(), seed);
            faults = new FaultInjector(config.faults(), Mix.of(seed, "faults", 0), 3 * config.publishInterval().toMillis());
            fleet = new GatewayFleet(city.facilities(), config.gatewayKind(), config.payloadFormat(), seed, faults);
            encoder = new GatewayEncoder(topics, config.lorawanApp());
            detectors = new DetectorGateways(config.detectors(),
                    new TrafficModel(loaded.traffic(), config.zone(), seed), seed);
            connection = new MqttConnection(context, mqtt.withClientId(mqtt.clientId() + "-gateway-sim"), false);
            return connection.connect();
        }).onSuccess(v -> {
            tick();
            timer = vertx.setPeriodic(config.publishInterval().toMillis(), id -> tick());
            LOG.info("gateway simulator: {} facilities and {} detectors of {} every {} s on {} (QoS {}, gateways {}, format {}, faults {})",
                    gateways.size(), detectors.ids().size(), city.name(), config.publishInterval().toMillis() / 1000.0,
                    topics.root(), config.qos(), config.gateways(), config.format(), config.faults().any() ? config.faults() : "none");
        });
    }

    @Override
    public Future<?> stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        return connection == null ? Future.succeededFuture() : connection.disconnect();
    }

    /** Readings the broker confirmed (QoS 1) or that were sent (QoS 0). */
    public long publishedCount() {
        return published.get();
    }

    public long failedCount() {
        return failed.get();
    }

    /** Faults injected so far, by kind. */
    public java.util.Map<String, Long> faultCounts() {
        return faults == null ? java.util.Map.of() : faults.counts();
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            gateways.advanceTo(now).forEach((id, step) -> {
                for (GatewayFleet.Sent s : fleet.report(id, now, step)) {
                    send(s.gateway(), encoder.encode(s.reading(), s.format()));
                }
            });
            PayloadFormat detectorFormat = config.payloadFormat() == null ? PayloadFormat.NATIVE : config.payloadFormat();
            int intervalS = (int) Math.max(1, config.publishInterval().toSeconds());
            for (TrafficReading r : detectors.readingsAt(now, intervalS)) {
                send(r.detectorId(), encoder.encode(r, detectorFormat));
            }
        } catch (RuntimeException e) {
            LOG.warn("gateway simulator tick failed: {}", e.toString());
        }
    }

    private void send(String gateway, WireMessage m) {
        for (FaultInjector.Delivery d : faults.apply(gateway, m)) {
            if (d.delayMillis() <= 0) {
                publish(d.message());
            } else {
                vertx.setTimer(d.delayMillis(), id -> publish(d.message()));
            }
        }
    }

    private void publish(WireMessage m) {
        connection.publish(m.topic(), m.payload(), config.qos(), false).onComplete(ar -> counted(ar.succeeded(), ar.cause()));
    }

    private void counted(boolean ok, Throwable cause) {
        if (ok) {
            published.incrementAndGet();
            if (failing) {
                failing = false;
                LOG.info("gateway simulator publishing again");
            }
            return;
        }
        failed.incrementAndGet();
        if (!failing) {
            failing = true;
            LOG.warn("gateway simulator cannot publish (readings are dropped until the broker is back): {}", String.valueOf(cause));
        }
    }
}
