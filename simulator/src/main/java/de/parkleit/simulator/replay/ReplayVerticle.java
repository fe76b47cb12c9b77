package de.parkleit.simulator.replay;

import de.parkleit.core.city.City;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.mqtt.MqttConnection;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.simulator.gateway.GatewayEncoder;
import de.parkleit.simulator.gateway.WireMessage;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays the Münster data over MQTT (QoS 1), compressed by {@link ReplayConfig#speed()}: data time
 * {@code from + d} is sent at wall time {@code start + d / speed}, and readings carry that wall
 * time, so the system sees a live, fast-forwarded city. Loading runs on a worker; a timer on the
 * event loop sends what is due. {@link #done()} completes after the last item.
 */
public final class ReplayVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayVerticle.class);
    static final long TICK_MS = 100;

    private final ReplayConfig config;
    private final MqttSettings mqtt;
    private final City city;
    private final Clock clock;
    private final Promise<Long> done = Promise.promise();
    private MqttConnection connection;
    private GatewayEncoder encoder;
    private List<ReplayItem> items;
    private Instant wallStart;
    private int next;
    private long timer = -1;

    public ReplayVerticle(ReplayConfig config, MqttSettings mqtt, City city, Clock clock) {
        this.config = config;
        this.mqtt = mqtt;
        this.city = city;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        return vertx.executeBlocking(() -> {
            ReplayMapping mapping = config.mapping() == null ? ReplayMapping.bundledHeidelberg(city) : ReplayMapping.load(config.mapping(), city);
            return MuensterReplaySource.load(config.dataDir(), mapping, city, config.from(), config.to());
        }).compose(loaded -> {
            items = loaded;
            encoder = new GatewayEncoder(new Topics(config.topicRoot()), "parkleit-replay");
            connection = new MqttConnection(context, mqtt.withClientId(mqtt.clientId() + "-replay"), false);
            return connection.connect();
        }).onSuccess(v -> {
            wallStart = clock.instant();
            LOG.info("replay: {} items of Münster data from {} for {} days at {}x onto {}", items.size(), config.from(),
                    config.days(), config.speed(), city.name());
            timer = vertx.setPeriodic(0, TICK_MS, id -> tick());
        });
    }

    @Override
    public Future<?> stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        return connection == null ? Future.succeededFuture() : connection.disconnect();
    }

    /** Completes with the number of readings sent once the whole window is replayed. */
    public Future<Long> done() {
        return done.future();
    }

    /** Wall time at which a data time is replayed. */
    Instant wallTime(java.time.LocalDateTime dataTime) {
        Duration d = Duration.between(config.from().atZone(config.zone()), dataTime.atZone(config.zone()));
        return wallStart.plusNanos((long) (d.toNanos() / config.speed()));
    }

    private void tick() {
        Instant now = clock.instant();
        while (next < items.size()) {
            ReplayItem item = items.get(next);
            Instant at = wallTime(item.dataTime());
            if (at.isAfter(now)) {
                return;
            }
            WireMessage m = encoder.encode(item.at(at), config.format());
            connection.publish(m.topic(), m.payload(), 1, false)
                    .onFailure(e -> LOG.debug("replay publish failed: {}", e.getMessage()));
            next++;
        }
        vertx.cancelTimer(timer);
        timer = -1;
        LOG.info("replay finished: {} readings", items.size());
        done.tryComplete((long) items.size());
    }
}
