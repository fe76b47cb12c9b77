package de.parkleit.simulator.gateway;

import de.parkleit.core.city.City;
import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.mqtt.MqttConnection;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.simulator.SimulatorConfig;
import de.parkleit.simulator.profile.OccupancyModel;
import de.parkleit.simulator.profile.OccupancyShapes;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a native v1 occupancy reading ({@code {"ts":…,"free":…,"capacity":…,"status":"open"}})
 * for every facility of the city every {@link SimulatorConfig#publishInterval()}, at the real time
 * of {@code clock}, over its own MQTT connection (client id suffixed {@code -gateway-sim}). Counts
 * follow {@link OccupancyGateways}. Timers run on the event loop; only the resource load at start
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

    @Override
    public Future<?> start() {
        return vertx.executeBlocking(OccupancyShapes::bundled).compose(shapes -> {
            OccupancyModel model = new OccupancyModel(shapes, city.facilities(), config.zone(), seed);
            gateways = new OccupancyGateways(model, clock.instant(), config.meanDwell(), seed);
            connection = new MqttConnection(context, mqtt.withClientId(mqtt.clientId() + "-gateway-sim"), false);
            return connection.connect();
        }).onSuccess(v -> {
            tick();
            timer = vertx.setPeriodic(config.publishInterval().toMillis(), id -> tick());
            LOG.info("gateway simulator: {} facilities of {} every {} s on {} (QoS {})", gateways.size(), city.name(),
                    config.publishInterval().toMillis() / 1000.0, topics.root(), config.qos());
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

    private void tick() {
        try {
            for (OccupancyReading r : gateways.readingsAt(clock.instant())) {
                connection.publish(topics.occupancy(r.facilityId()), ReadingCodec.encode(r), config.qos(), false)
                        .onComplete(ar -> counted(ar.succeeded(), ar.cause()));
            }
        } catch (RuntimeException e) {
            LOG.warn("gateway simulator tick failed: {}", e.toString());
        }
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
