package de.parkleit.feeds.service;

import de.parkleit.core.topic.Topics;
import de.parkleit.feeds.FeedSource;
import de.parkleit.platform.metrics.Health;
import de.parkleit.platform.mqtt.MqttConnection;
import de.parkleit.platform.mqtt.MqttSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The city's feed adapters inside a node: one {@link FeedPoller} per configured source, all
 * publishing canonical occupancy readings over one MQTT connection of their own (QoS 1, client id
 * suffixed {@code -feeds}), exactly as a gateway would. Health: a readiness check for that
 * connection ({@code feeds}) and, per source, details {@code feed.<name>} (last success, sites,
 * readings, rejects by reason) that do not decide readiness.
 */
public final class FeedsVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(FeedsVerticle.class);

    private final List<FeedSource> sources;
    private final MqttSettings mqtt;
    private final Topics topics;
    private final MeterRegistry registry;
    private final Health health;
    private final Clock clock;
    private final Function<String, String> secrets;
    private final Duration nodeStaleAfter;
    private final List<FeedPoller> pollers = new ArrayList<>();
    private MqttConnection connection;

    /**
     * @param secrets        environment lookup for {@code tls.passwordEnv} (null when unset)
     * @param nodeStaleAfter the node's stale-after ({@code PARKLEIT_STALE_AFTER}), the base of a source's own staleAfter
     */
    public FeedsVerticle(List<FeedSource> sources, MqttSettings mqtt, Topics topics, MeterRegistry registry, Health health,
                         Clock clock, Function<String, String> secrets, Duration nodeStaleAfter) {
        this.nodeStaleAfter = nodeStaleAfter;
        this.sources = List.copyOf(sources);
        this.mqtt = mqtt;
        this.topics = topics;
        this.registry = registry;
        this.health = health;
        this.clock = clock;
        this.secrets = secrets;
    }

    @Override
    public Future<?> start() {
        connection = new MqttConnection(context, mqtt.withClientId(mqtt.clientId() + "-feeds"), false);
        health.register("feeds", () -> connection.isConnected() ? null : "feed adapters not connected to the broker");
        return connection.connect().onSuccess(v -> {
            for (FeedSource s : sources) {
                FeedPoller p = new FeedPoller(vertx, s, topics, (t, payload) -> connection.publish(t, payload, 1, false),
                        registry, clock, secrets, nodeStaleAfter);
                pollers.add(p);
                health.detail("feed." + s.name(), p.health()::snapshot);
                p.start();
                LOG.info("feed {}: {} from {} every {}", s.name(), s.format().configName(),
                        s.url() != null ? s.url().replaceFirst("[?#].*$", "") : s.file(), s.interval());
            }
        });
    }

    @Override
    public Future<?> stop() {
        List<Future<Void>> stops = new ArrayList<>();
        pollers.forEach(p -> stops.add(p.stop()));
        return Future.join(stops).compose(v -> connection == null ? Future.succeededFuture() : connection.disconnect());
    }

    /** The pollers, one per source, in configuration order (for tests and the banner). */
    public List<FeedPoller> pollers() {
        return List.copyOf(pollers);
    }
}
