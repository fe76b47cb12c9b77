package de.parkleit.signbridge.service;

import de.parkleit.core.codec.JsonCodecException;
import de.parkleit.core.sign.SignAck;
import de.parkleit.core.sign.SignAckCodec;
import de.parkleit.core.sign.SignFrame;
import de.parkleit.core.sign.SignFrameCodec;
import de.parkleit.core.topic.TopicKind;
import de.parkleit.core.topic.TopicMatch;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.mqtt.InboundMessage;
import de.parkleit.platform.mqtt.MqttConnection;
import de.parkleit.platform.mqtt.MqttMetrics;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.signbridge.BridgeSign;
import de.parkleit.signbridge.BridgeSignsFile;
import de.parkleit.signbridge.Displayed;
import de.parkleit.signbridge.SignBridgeConfig;
import de.parkleit.signbridge.SignDriverException;
import de.parkleit.signbridge.SignDrivers;
import de.parkleit.signbridge.SignLink;
import de.parkleit.signbridge.VmsBoard;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sign bridge: subscribes to {@code {root}/signs/+} (retained frames, QoS 1) on its own MQTT
 * connection, keeps one {@link SignLink} per sign of {@code signs.geojson}, hands each due show to the
 * sign's driver and publishes what came back, retained, on {@code {root}/signs/{id}/ack}. A tick
 * (every 100 ms) lets expired, stale and broker-lost signs fall back to their safe text and retries
 * failed shows. Drivers complete on their own threads; every outcome hops back onto this verticle's
 * context, where all link state lives. Serves the IRIS message feed and the DATEX II VMS publication of
 * every sign, fed by each ack ({@link SignBridgeHttp}).
 */
public final class SignBridgeVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(SignBridgeVerticle.class);
    static final long TICK_MS = 100;

    private final SignBridgeConfig config;
    private final MqttSettings mqttSettings;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Function<String, String> env;
    private final UnaryOperator<BridgeSign> rewire;
    private final Topics topics;
    private final Map<String, SignLink> links = new LinkedHashMap<>();
    /** The last ack of each sign, readable from any thread (HTTP status, tests). */
    private final Map<String, SignAck> lastAcks = new ConcurrentHashMap<>();
    private SignDrivers drivers;
    private MqttConnection mqtt;
    private HttpServer http;
    private Instant brokerLostAt;
    private volatile int safeCount;
    private volatile int overdueCount;
    private Counter badFrames;
    private Counter unknownSigns;
    private Counter shows;
    private Counter faults;
    private Timer showTime;

    /** @param env the environment, for the http-json drivers' {@code driverAuthEnv} */
    public SignBridgeVerticle(SignBridgeConfig config, MqttSettings mqttSettings, MeterRegistry registry, Clock clock,
                              Function<String, String> env) {
        this(config, mqttSettings, registry, clock, env, UnaryOperator.identity());
    }

    /** @param rewire changes each sign as read from signs.geojson (the demo drives every sign through its simulated controller) */
    public SignBridgeVerticle(SignBridgeConfig config, MqttSettings mqttSettings, MeterRegistry registry, Clock clock,
                              Function<String, String> env, UnaryOperator<BridgeSign> rewire) {
        this.rewire = rewire;
        this.config = config;
        this.mqttSettings = mqttSettings;
        this.registry = registry;
        this.clock = clock;
        this.env = env;
        this.topics = new Topics(config.topicRoot());
    }

    @Override
    public Future<?> start() {
        badFrames = Counter.builder("parkleit.signbridge.frames.rejected").description("sign frames that did not decode").register(registry);
        unknownSigns = Counter.builder("parkleit.signbridge.frames.unknown").description("frames of signs not in signs.geojson").register(registry);
        shows = Counter.builder("parkleit.signbridge.shows").tag("outcome", "ok").description("shows on signs").register(registry);
        faults = Counter.builder("parkleit.signbridge.shows").tag("outcome", "fault").description("shows on signs").register(registry);
        showTime = Timer.builder("parkleit.signbridge.show.duration").description("time from handing a frame to a driver to its answer")
                .register(registry);
        Gauge.builder("parkleit.signbridge.safe", this, v -> v.safeCount).description("signs showing their safe text").register(registry);
        Gauge.builder("parkleit.signbridge.unacknowledged", this, v -> v.overdueCount)
                .description("signs without a good acknowledgement for longer than PARKLEIT_SIGNBRIDGE_ACK_ALERT").register(registry);
        return vertx.executeBlocking(() -> BridgeSignsFile.read(config.signsFile(), config.safeText(), env)
                        .stream().map(rewire).toList(), false)
                .compose(this::startWith);
    }

    private Future<Void> startWith(List<BridgeSign> signs) {
        Context context = vertx.getOrCreateContext();
        drivers = new SignDrivers(new VmsBoard(config.country(), config.publisher()), clock);
        Instant now = clock.instant();
        List<Future<Void>> connects = new ArrayList<>();
        for (BridgeSign s : signs) {
            SignLink link = new SignLink(s.bare(), drivers.create(s), s.safe(), config.timings(), now);
            links.put(s.id(), link);
            drivers.vmsBoard().register(s.id());
            connects.add(Future.fromCompletionStage(link.driver().connect(), context));
        }
        mqtt = new MqttConnection(context, mqttSettings, false)
                .messageHandler(this::onMessage)
                .connectionHandler(this::onConnection);
        MqttMetrics.register(registry, mqtt);
        return Future.all(connects)
                .compose(v -> SignBridgeHttp.start(vertx, config.httpPort(), drivers, clock, registry))
                .compose(server -> {
                    http = server;
                    return mqtt.connect();
                })
                .compose(v -> mqtt.subscribe(topics.signFilter(), 1))
                .map(v -> {
                    vertx.setPeriodic(TICK_MS, id -> tick());
                    LOG.info("sign bridge drives {} signs ({}) from {}, feeds on port {}", links.size(), kinds(signs),
                            topics.signFilter(), http.actualPort());
                    return null;
                });
    }

    private static Map<String, Long> kinds(List<BridgeSign> signs) {
        Map<String, Long> m = new LinkedHashMap<>();
        signs.forEach(s -> m.merge(s.kind(), 1L, Long::sum));
        return m;
    }

    private void onConnection(boolean up) {
        if (up) {
            if (brokerLostAt != null) {
                LOG.info("sign bridge: broker back after {}", Duration.between(brokerLostAt, clock.instant()));
            }
            brokerLostAt = null;
            lastAcks.values().forEach(this::publish);
        } else if (brokerLostAt == null) {
            brokerLostAt = clock.instant();
            LOG.warn("sign bridge: broker lost; signs switch to their safe text after {}", config.timings().brokerGrace());
        }
    }

    private void onMessage(InboundMessage m) {
        Optional<TopicMatch> match = topics.match(m.topic());
        if (match.isEmpty() || match.get().kind() != TopicKind.SIGN) {
            return;
        }
        String id = match.get().id();
        SignLink link = links.get(id);
        if (link == null) {
            unknownSigns.increment();
            LOG.debug("frame for sign {}, which is not in {}", id, config.signsFile());
            return;
        }
        if (m.payload().length == 0) {
            link.removed();
        } else {
            SignFrame f;
            try {
                f = SignFrameCodec.decode(id, m.payload());
            } catch (JsonCodecException e) {
                badFrames.increment();
                LOG.warn("sign {}: rejected frame ({}): {}", id, e.reason(), e.getMessage());
                return;
            }
            link.decided(f);
        }
        pump(link, clock.instant());
    }

    private void tick() {
        Instant now = clock.instant();
        int safe = 0;
        int overdue = 0;
        for (SignLink l : links.values()) {
            pump(l, now);
            safe += l.showsSafe() ? 1 : 0;
            overdue += l.overdue(now) ? 1 : 0;
        }
        safeCount = safe;
        overdueCount = overdue;
    }

    private void pump(SignLink link, Instant now) {
        SignLink.Show s = link.due(now, brokerLostAt);
        if (s == null) {
            return;
        }
        long t0 = System.nanoTime();
        Context context = vertx.getOrCreateContext();
        link.driver().show(s.frame()).whenComplete((Displayed d, Throwable e) -> context.runOnContext(v -> {
            showTime.record(Duration.ofNanos(System.nanoTime() - t0));
            Instant at = clock.instant();
            SignAck ack = e == null ? link.shown(s, d, at) : link.failed(s, SignDriverException.of(e), at);
            (ack.fault() == null ? shows : faults).increment();
            if (ack.fault() != null) {
                LOG.warn("sign {}: {}", ack.signId(), ack.fault());
            }
            lastAcks.put(ack.signId(), ack);
            drivers.vmsBoard().ack(ack);
            publish(ack);
            pump(link, at);
        }));
    }

    private void publish(SignAck a) {
        if (mqtt != null && mqtt.isConnected()) {
            mqtt.publish(topics.signAck(a.signId()), SignAckCodec.encode(a), 1, true)
                    .onFailure(e -> LOG.debug("ack of sign {} not published: {}", a.signId(), e.toString()));
        }
    }

    /** The last ack of a sign (any thread); empty before its first show. */
    public Optional<SignAck> lastAck(String signId) {
        return Optional.ofNullable(lastAcks.get(signId));
    }

    /** The port of the feeds (msgfeed, DATEX II). */
    public int httpPort() {
        return http.actualPort();
    }

    /** Signs showing their safe text (as of the last tick). */
    public int safeCount() {
        return safeCount;
    }

    @Override
    public Future<?> stop() {
        links.values().forEach(l -> l.driver().close());
        Future<Void> h = http == null ? Future.succeededFuture() : http.close();
        return h.compose(v -> mqtt == null ? Future.succeededFuture() : mqtt.disconnect());
    }
}
