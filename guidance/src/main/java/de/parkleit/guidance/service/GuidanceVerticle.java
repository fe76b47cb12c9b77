package de.parkleit.guidance.service;

import de.parkleit.core.live.LiveBoard;
import de.parkleit.core.guidance.Issued;
import de.parkleit.core.codec.IssuedCodec;
import de.parkleit.core.city.City;
import de.parkleit.core.codec.FacilityOperationCodec;
import de.parkleit.core.codec.FacilityStateCodec;
import de.parkleit.core.codec.JsonCodecException;
import de.parkleit.core.facility.Facility;
import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.topic.TopicKind;
import de.parkleit.core.topic.TopicMatch;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.http.RouteContributor;
import de.parkleit.platform.metrics.Health;
import de.parkleit.platform.mqtt.InboundMessage;
import de.parkleit.platform.mqtt.MqttConnection;
import de.parkleit.platform.mqtt.MqttMetrics;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.platform.store.GuidanceIssued;
import de.parkleit.platform.store.TimeSeriesStore;
import de.parkleit.guidance.CrowFlyWalk;
import de.parkleit.guidance.GuidanceConfig;
import de.parkleit.guidance.GuidancePlanner;
import de.parkleit.guidance.IssuedLedger;
import de.parkleit.guidance.LiveFacilities;
import de.parkleit.guidance.NetworkDriveRouter;
import de.parkleit.guidance.NetworkWalkRouter;
import de.parkleit.guidance.WalkRouter;
import de.parkleit.routing.graph.TravelMode;
import de.parkleit.guidance.SearchTimeCurve;
import de.parkleit.prediction.forecast.ForecastConfig;
import de.parkleit.prediction.forecast.ForecastTraining;
import de.parkleit.guidance.forecast.ModelForecast;
import de.parkleit.guidance.forecast.ModelOutlook;
import de.parkleit.core.live.FreeSpaceOutlook;
import de.parkleit.routing.network.RoadNetwork;
import de.parkleit.guidance.signs.SignBoard;
import de.parkleit.guidance.signs.SignPacer;
import de.parkleit.guidance.signs.SignRoutes;
import de.parkleit.guidance.signs.SignsConfig;
import de.parkleit.guidance.signs.SignsFile;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guidance and signs service: reads the retained facility states, the operators' overrides
 * ({@code {root}/ops/facility/+}) and the recommendations of other instances over MQTT, answers {@code GET /api/v1/guidance} through {@link #routes()},
 * publishes the signs, and writes {@code guidance_issued} and {@code sign_display} events to the
 * store. Searches and store writes run on the given worker pool.
 */
public final class GuidanceVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(GuidanceVerticle.class);
    private static final long TICK_MS = 5_000;
    private static final long FLUSH_MS = 1_000;
    private static final long ARROW_CHECK_MS = 60_000;

    private final GuidanceConfig config;
    private final SignsConfig signsConfig;
    private final MqttSettings mqttSettings;
    private final City city;
    private final RoadNetwork network;
    private final WorkerExecutor workers;
    private final MeterRegistry registry;
    private final Health health;
    private final Clock clock;
    private final Topics topics;
    private final String issuedTopic;
    private final LiveFacilities live;
    private final ForecastConfig forecastConfig;
    private final ModelForecast forecast;
    private final ForecastRetraining retraining;
    private final IssuedLedger ledger = new IssuedLedger();
    private final StoreEventWriter writer;
    private final GuidanceHandler handler;
    private final ForecastHandler forecastHandler;
    private final SignPublisher signs;
    private final Set<String> loggedCauses = ConcurrentHashMap.newKeySet();
    private final List<Long> timers = new ArrayList<>();
    private volatile MqttConnection mqtt;
    private long arrowsVersion = Long.MIN_VALUE;

    /**
     * @param signsConfig signs; with {@code signsFile() == null} the city has no signs
     * @param footNetwork the city's foot network for the walks ({@link TravelMode#FOOT}), or null for the
     *                    crow-fly walk; must be given when {@link GuidanceConfig#walkOnNetwork()}
     * @param workers     named pool for searches and store writes, e.g.
     *                    {@code vertx.createSharedWorkerExecutor("parkleit-routing", 2)}
     * @throws ConfigException if the sign file is invalid or a sign stands on no road in its heading
     */
    public GuidanceVerticle(GuidanceConfig config, SignsConfig signsConfig, MqttSettings mqttSettings, City city,
                            RoadNetwork network, RoadNetwork footNetwork, TimeSeriesStore store, WorkerExecutor workers,
                            MeterRegistry registry, Health health, Clock clock) {
        this(config, ForecastConfig.trendOnly(java.time.ZoneOffset.UTC), signsConfig, mqttSettings, city, network,
                footNetwork, store, workers, registry, health, clock);
    }

    /**
     * @param forecastConfig with {@link ForecastConfig#model()} the trained model forecasts (trained from the store's
     *                       history at start and every {@link ForecastConfig#retrainEvery()}, on a worker of its own),
     *                       else the live trend alone
     */
    public GuidanceVerticle(GuidanceConfig config, ForecastConfig forecastConfig, SignsConfig signsConfig,
                            MqttSettings mqttSettings, City city, RoadNetwork network, RoadNetwork footNetwork,
                            TimeSeriesStore store, WorkerExecutor workers, MeterRegistry registry, Health health, Clock clock) {
        this.config = config;
        this.forecastConfig = forecastConfig;
        this.forecast = new ModelForecast(clock);
        this.retraining = new ForecastRetraining(forecastConfig, new ForecastTraining(store, city.facilities(), forecastConfig),
                forecast, clock);
        this.signsConfig = signsConfig;
        this.mqttSettings = mqttSettings;
        this.city = city;
        this.network = network;
        this.workers = workers;
        this.registry = registry;
        this.health = health;
        this.clock = clock;
        this.topics = config.topics();
        this.issuedTopic = topics.guidanceIssued();
        this.live = new LiveFacilities(city.facilities(), config.staleAfter());
        this.writer = new StoreEventWriter(store, registry);
        NetworkDriveRouter drive = new NetworkDriveRouter(network, city.facilities());
        if (!drive.offNetwork().isEmpty()) {
            LOG.info("facilities off the road network, never recommended: {}", drive.offNetwork());
        }
        GuidancePlanner planner = new GuidancePlanner(config, live, forecast, drive, walkRouter(config, footNetwork), ledger,
                SearchTimeCurve.DEFAULT, clock);
        this.handler = new GuidanceHandler(workers, planner, this::issued, registry);
        this.forecastHandler = new ForecastHandler(live, forecast, clock);
        this.signs = signsConfig.signsFile() == null ? null : signPublisher(clock);
        Gauge.builder("parkleit.guidance.pending", () -> ledger.pendingTotal(clock.instant()))
                .description("recommendations counting against facilities (closed loop)").register(registry);
        Gauge.builder("parkleit.guidance.store.queued", writer::queued)
                .description("guidance and sign events waiting for the store").register(registry);
        Gauge.builder("parkleit.forecast.model", () -> forecast.modelInstalled() ? 1 : 0)
                .description("1 while the trained availability model forecasts (else the live trend)").register(registry);
    }

    private static WalkRouter walkRouter(GuidanceConfig config, RoadNetwork foot) {
        CrowFlyWalk crowFly = new CrowFlyWalk(config.walkDetour(), config.walkSpeedKmh());
        if (!config.walkOnNetwork()) {
            return crowFly;
        }
        if (foot == null) {
            throw new ConfigException("PARKLEIT_GUIDANCE_WALK_NETWORK=true needs the foot network of the city");
        }
        return new NetworkWalkRouter(foot, config.walkSpeedKmh(), crowFly);
    }

    private SignPublisher signPublisher(Clock clock) {
        Set<String> ids = city.facilities().stream().map(Facility::id).collect(Collectors.toSet());
        SignRoutes routes = new SignRoutes(network);
        try {
            var list = SignsFile.read(signsConfig.signsFile(), ids);
            list.forEach(routes::place);
            SignBoard board = new SignBoard(list, live.board(), signsConfig);
            return new SignPublisher(board, routes, city.facilities(), topics, writer, registry, clock,
                    new SignPacer(signsConfig.minInterval()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("PARKLEIT_SIGNS_FILE: " + e.getMessage(), e);
        }
    }

    /** The state guidance plans with for a facility of the city (unknown until one arrives; a simulation awaits it). */
    public FacilityState state(String facilityId) {
        return live.state(facilityId);
    }

    /**
     * The probability of a free space ahead per facility, from the same forecast as the forecast API, for the
     * dashboard's DATEX II v3.6 export (wired by the app through core's port).
     */
    public FreeSpaceOutlook outlook() {
        return new ModelOutlook(live, forecast, clock);
    }

    /** The guidance and forecast API, for the app's HTTP router (answers from the moment states arrive). */
    public RouteContributor routes() {
        return router -> {
            handler.mount(router);
            forecastHandler.mount(router);
        };
    }

    /**
     * Retrains the forecast model from the store's history and installs it (on a worker of its own); with too little
     * history the running forecast stays; a call during a run queues one more. The app calls it when the demo's
     * history backfill has finished. Completes with the run (null when the model is off or the call was queued).
     */
    public Future<ForecastTraining.Result> retrainForecast() {
        return retraining.retrain();
    }

    @Override
    public Future<?> start() {
        MqttSettings own = new MqttSettings(mqttSettings.url(),
                mqttSettings.clientId() + "-guidance-" + UUID.randomUUID().toString().substring(0, 8), true,
                mqttSettings.username(), mqttSettings.password());
        MqttConnection m = new MqttConnection(context, own, false);
        MqttMetrics.register(registry, m);
        m.messageHandler(this::onMessage);
        health.register("guidance-mqtt", () -> m.isConnected() ? null : "not connected to " + own.url());
        timers.add(vertx.setPeriodic(FLUSH_MS, id -> flush()));
        retraining.start(vertx);
        Future<Void> up = m.connect()
                .compose(v -> m.subscribe(topics.facilityStateFilter(), 1))
                .compose(v -> m.subscribe(topics.facilityOperationFilter(), 1))
                .compose(v -> config.shareIssued() ? m.subscribe(issuedTopic, 1) : Future.succeededFuture())
                .onSuccess(v -> mqtt = m);
        if (signs != null) {
            signs.connection(m);
            up = up.compose(v -> signs.refreshArrows(workers)).onSuccess(v -> startSigns());
        }
        return up.onSuccess(v -> LOG.info("guidance on {} ({} facilities, {} signs, state from {}) with {}, forecast {}",
                        GuidanceHandler.PATH, city.facilities().size(), signs == null ? 0 : signs.size(), own.url(),
                        config.describe(), forecastConfig.describe()))
                .onSuccess(v -> retrainForecast())
                .recover(e -> shutdown().transform(ignored -> Future.failedFuture(e)));
    }

    private void startSigns() {
        arrowsVersion = network.travelTimes().version();
        vertx.setTimer(Math.max(1, signsConfig.settle().toMillis()), id -> signs.ready());
        timers.add(vertx.setPeriodic(TICK_MS, id -> signs.tick()));
        if (!signsConfig.minInterval().isZero()) {
            long every = Math.max(50, Math.min(250, signsConfig.minInterval().toMillis() / 4));
            timers.add(vertx.setPeriodic(every, id -> signs.flushHeld()));
        }
        timers.add(vertx.setPeriodic(Math.max(1_000, signsConfig.validity().toMillis() / 2), id -> signs.republish()));
        timers.add(vertx.setPeriodic(ARROW_CHECK_MS, id -> {
            long v = network.travelTimes().version();
            if (v != arrowsVersion) {
                arrowsVersion = v;
                signs.refreshArrows(workers).onFailure(e -> LOG.warn("sign arrows not refreshed: {}", e.toString()));
            }
        }));
    }

    @Override
    public Future<?> stop() {
        return shutdown();
    }

    private Future<Void> shutdown() {
        timers.forEach(vertx::cancelTimer);
        timers.clear();
        MqttConnection m = mqtt;
        mqtt = null;
        Future<Void> flushed;
        try {
            flushed = workers.executeBlocking(() -> {
                writer.flush();
                return null;
            }, false);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            flushed = vertx.executeBlocking(() -> {
                writer.flush();
                return null;
            }, false);
        }
        Future<Void> pooled = retraining.stop(vertx);
        return flushed.transform(v -> pooled).transform(v -> m == null ? Future.succeededFuture() : m.disconnect());
    }

    private void flush() {
        if (writer.queued() > 0) {
            workers.executeBlocking(writer::flush, true);
        }
    }

    /** A recommendation was given here: share it and store it (the ledger has it already). */
    private void issued(Issued i) {
        writer.add(new GuidanceIssued(i.issuedAt(), i.requestId(), i.facilityId(), i.probabilityFree()));
        MqttConnection m = mqtt;
        if (config.shareIssued() && m != null) {
            m.publish(issuedTopic, IssuedCodec.encode(i), 1, false)
                    .onFailure(e -> once("issued_publish", "cannot share recommendations: " + e));
        }
    }

    private void onMessage(InboundMessage m) {
        try {
            if (m.topic().equals(issuedTopic)) {
                Issued i;
                try {
                    i = IssuedCodec.decode(m.payload());
                } catch (JsonCodecException e) {
                    reject("invalid", m.topic() + ": bad recommendation: " + e.getMessage());
                    return;
                }
                if (!i.instanceId().equals(config.instanceId())) {
                    count(ledger.add(i, clock.instant()) ? "issued_remote" : "issued_known");
                }
                return;
            }
            Optional<TopicMatch> match = topics.match(m.topic());
            if (match.isPresent() && match.get().kind() == TopicKind.FACILITY_OPERATION) {
                onOperation(match.get().id(), m);
                return;
            }
            if (match.isEmpty() || match.get().kind() != TopicKind.FACILITY_STATE || m.payload().length == 0) {
                count("ignored");
                return;
            }
            FacilityState s = FacilityStateCodec.decode(m.payload());
            if (!s.facilityId().equals(match.get().id())) {
                reject("id_mismatch", m.topic() + " carries the state of " + s.facilityId());
                return;
            }
            LiveBoard.Outcome o = live.apply(s);
            count(o.name().toLowerCase(java.util.Locale.ROOT));
            if (o == LiveBoard.Outcome.APPLIED) {
                forecast.observe(s);
                if (signs != null) {
                    signs.onState(s);
                }
            }
        } catch (JsonCodecException e) {
            reject("bad_payload", m.topic() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            reject("invalid", m.topic() + ": " + e.getMessage());
        }
    }

    /** An operator closed or reserved a facility (retained; an empty payload clears it). */
    private void onOperation(String facilityId, InboundMessage m) {
        FacilityOperation op = m.payload().length == 0 ? null : FacilityOperationCodec.decode(m.payload());
        if (op != null && !op.facilityId().equals(facilityId)) {
            reject("id_mismatch", m.topic() + " carries the operation of " + op.facilityId());
            return;
        }
        if (!live.applyOperation(facilityId, op)) {
            count("unknown_facility");
            return;
        }
        count(op == null ? "operation_cleared" : "operation");
        if (signs != null) {
            signs.onOperation(facilityId, op);
        }
    }

    private void reject(String cause, String detail) {
        count(cause);
        once(cause, "ignoring message (" + cause + "): " + detail);
    }

    private void once(String cause, String message) {
        if (loggedCauses.add(cause)) {
            LOG.warn("{} (logged once per cause)", message);
        } else {
            LOG.debug(message);
        }
    }

    private void count(String result) {
        Counter.builder("parkleit.guidance.messages").tag("result", result)
                .description("MQTT messages received by guidance, by outcome").register(registry).increment();
    }
}
