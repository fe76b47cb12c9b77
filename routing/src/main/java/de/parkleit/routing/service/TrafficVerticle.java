package de.parkleit.routing.service;

import de.parkleit.core.codec.JsonCodecException;
import de.parkleit.core.codec.TrafficStateCodec;
import de.parkleit.core.reading.TrafficReading;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.mqtt.InboundMessage;
import de.parkleit.platform.mqtt.MqttConnection;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.routing.network.RoadNetwork;
import de.parkleit.routing.traffic.Detector;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the city's detectors to the road network, subscribes to the retained traffic states
 * ({@code {root}/state/traffic/+}) and turns them into travel times: after readings arrive
 * (checked every {@value #REFRESH_MS} ms) and every {@value #DECAY_MS} ms (so stale readings fade),
 * {@link RoadNetwork#refreshTravelTimes} runs on the worker pool. Bad payloads are counted and
 * logged once per cause; they never throw out of the MQTT callback.
 */
public final class TrafficVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(TrafficVerticle.class);
    static final long REFRESH_MS = 1_000;
    static final long DECAY_MS = 30_000;

    private final MqttSettings mqttSettings;
    private final Topics topics;
    private final RoadNetwork network;
    private final List<Detector> detectors;
    private final WorkerExecutor workers;
    private final Clock clock;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final AtomicLong rejected = new AtomicLong();
    private final Set<String> loggedCauses = ConcurrentHashMap.newKeySet();
    private MqttConnection mqtt;
    private long refreshTimer = -1;
    private long lastRefresh;

    /**
     * @param detectors the city's detectors (e.g. from {@code DetectorsGeoJson}); readings of others are ignored
     * @param workers   the routing worker pool; refreshes customize the hierarchy there (milliseconds)
     */
    public TrafficVerticle(MqttSettings mqttSettings, Topics topics, RoadNetwork network, List<Detector> detectors,
                           WorkerExecutor workers, Clock clock) {
        this.mqttSettings = mqttSettings;
        this.topics = topics;
        this.network = network;
        this.detectors = List.copyOf(detectors);
        this.workers = workers;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        int bound = 0;
        for (Detector d : detectors) {
            bound += network.traffic().addDetector(d).isPresent() ? 1 : 0;
        }
        MqttSettings own = new MqttSettings(mqttSettings.url(),
                mqttSettings.clientId() + "-traffic-" + UUID.randomUUID().toString().substring(0, 8), true,
                mqttSettings.username(), mqttSettings.password());
        MqttConnection m = new MqttConnection(context, own, false);
        m.messageHandler(this::onMessage);
        int boundCount = bound;
        return m.connect()
                .compose(v -> m.subscribe(topics.trafficStateFilter(), 1))
                .onSuccess(v -> {
                    mqtt = m;
                    lastRefresh = System.currentTimeMillis();
                    refreshTimer = vertx.setPeriodic(REFRESH_MS, id -> tick());
                    LOG.info("live traffic: {} of {} detectors on the road network, states from {}", boundCount,
                            detectors.size(), own.url());
                })
                .recover(e -> m.disconnect().transform(ignored -> Future.failedFuture(e)));
    }

    @Override
    public Future<?> stop() {
        if (refreshTimer >= 0) {
            vertx.cancelTimer(refreshTimer);
        }
        return mqtt == null ? Future.succeededFuture() : mqtt.disconnect();
    }

    /** Payloads rejected so far. */
    public long rejected() {
        return rejected.get();
    }

    private void onMessage(InboundMessage msg) {
        try {
            network.traffic().apply(decode(msg.topic(), msg.payload()));
            dirty.set(true);
        } catch (RuntimeException e) {
            rejected.incrementAndGet();
            String cause = e instanceof JsonCodecException j ? j.reason() : e.getClass().getSimpleName();
            if (loggedCauses.add(cause)) {
                LOG.warn("traffic state on {} rejected ({}): {}", msg.topic(), cause, e.getMessage());
            }
        }
    }

    /** The reading in a retained traffic state (the one codec: {@link TrafficStateCodec}). */
    static TrafficReading decode(String topic, byte[] payload) {
        return TrafficStateCodec.decode(topic.substring(topic.lastIndexOf('/') + 1), payload);
    }

    private void tick() {
        long now = System.currentTimeMillis();
        boolean due = dirty.get() || now - lastRefresh >= DECAY_MS;
        if (!due || !refreshing.compareAndSet(false, true)) {
            return;
        }
        dirty.set(false);
        lastRefresh = now;
        workers.executeBlocking(() -> network.refreshTravelTimes(clock.instant()), false)
                .onComplete(r -> {
                    refreshing.set(false);
                    if (r.failed()) {
                        LOG.warn("travel times not refreshed: {}", r.cause().toString());
                    }
                });
    }
}
