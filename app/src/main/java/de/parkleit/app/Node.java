package de.parkleit.app;

import de.parkleit.app.simclock.SimulationClock;
import de.parkleit.app.simclock.SimulationClockHandler;
import de.parkleit.broker.EmbeddedBroker;
import de.parkleit.core.city.City;
import de.parkleit.core.live.FreeSpaceOutlook;
import de.parkleit.dashboard.DashboardConfig;
import de.parkleit.dashboard.DashboardVerticle;
import de.parkleit.ingest.IngestConfig;
import de.parkleit.ingest.IngestVerticle;
import de.parkleit.platform.city.CityLoader;
import de.parkleit.platform.config.SharedSettings;
import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;
import de.parkleit.platform.http.RouteContributor;
import de.parkleit.platform.metrics.Health;
import de.parkleit.platform.metrics.JvmMetrics;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.platform.store.HistoryWindow;
import de.parkleit.platform.store.StoreConfig;
import de.parkleit.platform.store.TrafficBucket;
import de.parkleit.platform.store.TimeSeriesStore;
import de.parkleit.dashboard.history.HistoryHandler;
import de.parkleit.feeds.FeedSource;
import de.parkleit.feeds.service.FeedsVerticle;
import de.parkleit.routing.graph.TravelMode;
import de.parkleit.prediction.forecast.ForecastConfig;
import de.parkleit.guidance.GuidanceConfig;
import de.parkleit.guidance.service.GuidanceVerticle;
import de.parkleit.routing.service.RoadsHandler;
import de.parkleit.routing.traffic.Detector;
import de.parkleit.routing.traffic.DetectorsGeoJson;
import de.parkleit.routing.service.TrafficVerticle;
import de.parkleit.guidance.signs.SignsConfig;
import de.parkleit.routing.service.RouteHandler;
import de.parkleit.routing.network.RoadNetwork;
import de.parkleit.routing.network.RoutingConfig;
import de.parkleit.simulator.SimulatorConfig;
import de.parkleit.simulator.backfill.HistoryBackfill;
import de.parkleit.simulator.gateway.GatewaySimulatorVerticle;
import de.parkleit.simulator.profile.OccupancyModel;
import de.parkleit.simulator.profile.OccupancyShapes;
import de.parkleit.simulator.profile.TrafficModel;
import de.parkleit.simulator.profile.TrafficShapes;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import de.parkleit.signbridge.SignBridgeConfig;
import de.parkleit.signbridge.service.SignBridgeVerticle;
import de.parkleit.simulator.signs.ControllerDisplay;
import de.parkleit.simulator.signs.http.SignControllerServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One parkleit process: starts the broker and store it owns, loads the city and road network,
 * deploys ingest, dashboard (with routing's routes) and, in {@link Mode#DEMO}, the gateway
 * simulator and the history backfill, and one feed adapter per source of the city's {@code feeds.properties}
 * (or, for {@code demo --feed}, the recording instead of the simulator). Closing stops everything in reverse order.
 */
public final class Node implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Node.class);
    /** What ingest and guidance take as "now": {@code system} or {@code simulation}. */
    public static final String CLOCK = "PARKLEIT_CLOCK";

    private final List<AutoCloseable> owned = new ArrayList<>();
    private Vertx vertx;
    private DashboardVerticle dashboard;
    private TimeSeriesStore store;
    private City city;
    /** Topic root, stale-after, zone and instance id, read once for every service. */
    private SharedSettings shared;
    private List<Detector> detectors = List.of();
    private String mqttUrl;
    private EmbeddedBroker embeddedBroker;
    private DemoPlannerAccount demoAccount;
    private Future<?> backfill = Future.succeededFuture();
    private List<String> feedNames = List.of();
    private RecordedFeedVerticle recording;
    private ControllerDisplay signController;

    private Node() {
    }

    /** Starts a node; on failure everything already started is stopped again and the cause rethrown. */
    public static Node start(AppConfig cfg, Env env, Mode mode) {
        return start(cfg, env, mode, false);
    }

    /**
     * @param recordedFeed {@code demo --feed}: the city is read through the NGSI-v2 adapter from the recording in
     *                     {@code <city>/recording/} served locally, instead of the simulated gateways
     */
    public static Node start(AppConfig cfg, Env env, Mode mode, boolean recordedFeed) {
        Node n = new Node();
        try {
            n.boot(cfg, env, mode, recordedFeed);
            return n;
        } catch (RuntimeException e) {
            n.close();
            throw e;
        }
    }

    private void boot(AppConfig cfg, Env env, Mode mode, boolean recordedFeed) {
        LOG.info("parkleit {} starting with {}", mode.name().toLowerCase(java.util.Locale.ROOT), cfg.describe());
        city = CityLoader.load(cfg.city(), AppConfig.CITY);
        shared = SharedSettings.fromEnv(env, city);
        detectors = loadDetectors();
        PortCheck.requireFree("0.0.0.0", cfg.httpPort(), AppConfig.HTTP_PORT);
        mqttUrl = startBrokerIfNeeded(cfg, env, mode);
        store = StoreConfig.fromEnv(env).open();
        owned.add(store);
        RoutingConfig routingConfig = RoutingConfig.fromEnv(env);
        RoadNetwork network = loadRoads(routingConfig);

        vertx = Vertx.vertx();
        owned.add(() -> vertx.close().await(20, TimeUnit.SECONDS));
        Health health = new Health();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        owned.add(JvmMetrics.bind(registry, vertx));
        if (embeddedBroker != null) {
            EmbeddedBroker b = embeddedBroker;
            FunctionCounter.builder("parkleit.mqtt.embedded.oversized", b, EmbeddedBroker::oversizedRefused)
                    .description("MQTT messages the embedded broker refused for their size (PARKLEIT_EMBEDDED_MQTT_MAX_MESSAGE)")
                    .register(registry);
        }
        health.register("store", () -> store.isHealthy() ? null : store.name() + " does not answer");
        List<FeedSource> feeds = recordedFeed ? List.of(recordedFeedSource()) : NodeFeeds.load(city.folder());
        NodeFeeds.TakenIn takenIn = NodeFeeds.takeIn(vertx, city, feeds, name -> env.raw(name).orElse(null));
        city = takenIn.city();
        feeds = takenIn.feeds();

        MqttSettings mqtt = new MqttSettings(mqttUrl, "parkleit-" + shared.instanceId(), false, cfg.mqttUsername(), cfg.mqttPassword());
        SimulationClock simClock = simulationClock(env);
        Clock clock = simClock == null ? Clock.systemUTC() : simClock;
        List<RouteContributor> routes = new ArrayList<>();
        GuidanceVerticle guidance = null;
        TrafficVerticle traffic = null;
        routes.add(new HistoryHandler(store, city.facilities().stream().map(f -> f.id()).collect(java.util.stream.Collectors.toSet())));
        if (network != null) {
            WorkerExecutor routingPool = vertx.createSharedWorkerExecutor("parkleit-routing", routingConfig.workers());
            routes.add(new RouteHandler(routingPool, network));
            routes.add(new RoadsHandler(routingPool, network));
            GuidanceConfig guidanceConfig = GuidanceConfig.fromEnv(env, shared);
            RoadNetwork foot = guidanceConfig.walkOnNetwork()
                    ? RoadNetwork.load(city.roadNetwork(), TravelMode.FOOT, routingConfig) : null;
            guidance = new GuidanceVerticle(guidanceConfig, ForecastConfig.fromEnv(env, shared.zone()),
                    SignsConfig.fromEnv(env, shared, city.folder()),
                    mqtt.withClientId(mqtt.clientId() + "-guidance-" + shortRandom()), city, network, foot, store, routingPool,
                    registry, health, clock);
            routes.add(guidance.routes());
            traffic = trafficFor(env, network, mqtt, routingPool);
        }
        if (simClock != null) {
            routes.add(simulationClockRoutes(simClock, guidance));
        }
        IngestConfig ingestConfig = IngestConfig.fromEnv(env, shared, cfg.dataDir());
        DashboardConfig dashboardConfig = DashboardConfig.fromEnv(env, shared);
        if (mode == Mode.DEMO) {
            demoAccount = DemoPlannerAccount.inDataDir(cfg.dataDir());
            dashboardConfig = dashboardConfig.withAuth(dashboardConfig.auth().withUser(demoAccount.plannerUser()));
        }
        dashboard = new DashboardVerticle(dashboardConfig, mqtt.withClientId(mqtt.clientId() + "-web-" + shortRandom()),
                city, routes, health, registry, store, guidance == null ? FreeSpaceOutlook.NONE : guidance.outlook());
        await(vertx.deployVerticle(new IngestVerticle(ingestConfig, mqtt.withClientId(mqtt.clientId() + "-ingest"), city, store,
                registry, health, clock)), "ingest");
        if (traffic != null) {
            await(vertx.deployVerticle(traffic), "live traffic");
        }
        if (guidance != null) {
            await(vertx.deployVerticle(guidance), "guidance and signs");
        }
        await(vertx.deployVerticle(dashboard), "dashboard");
        if (!feeds.isEmpty()) {
            await(vertx.deployVerticle(new FeedsVerticle(feeds, mqtt.withClientId(mqtt.clientId() + "-" + shortRandom()),
                    shared.topics(), registry, health, clock, name -> env.raw(name).orElse(null), shared.staleAfter())),
                    "feed adapters");
            feedNames = feeds.stream().map(FeedSource::name).toList();
        }
        if (mode == Mode.DEMO && guidance != null && java.nio.file.Files.isRegularFile(city.folder().resolve("signs.geojson"))) {
            startSignBridge(env, mqtt, registry);
        }
        if (mode == Mode.DEMO && !recordedFeed) {
            startSimulation(env, mqtt);
            GuidanceVerticle g = guidance;
            if (g != null && !backfill.isComplete()) {
                backfill.onSuccess(v -> g.retrainForecast());
            }
        }
    }

    /** Starts the server of the recording and returns the feed that reads it. */
    private FeedSource recordedFeedSource() {
        java.nio.file.Path dir = city.folder().resolve("recording");
        FeedSource recorded = NodeFeeds.load(dir).stream().findFirst()
                .orElseThrow(() -> new ConfigException("--feed: " + dir.resolve(NodeFeeds.FILE) + " configures no feed"));
        if (recorded.file() == null) {
            throw new ConfigException("--feed: " + dir.resolve(NodeFeeds.FILE) + " must name the recording with file=");
        }
        RecordedFeedVerticle server = new RecordedFeedVerticle(recorded.file());
        await(vertx.deployVerticle(server), "recorded feed server");
        recording = server;
        return recorded.withUrl(server.url());
    }

    /** {@code PARKLEIT_CLOCK}: {@code system} (default) or {@code simulation} (a clock only a simulator moves). */
    private static SimulationClock simulationClock(Env env) {
        String kind = env.string(CLOCK, "system");
        switch (kind) {
            case "system":
                return null;
            case "simulation":
                LOG.warn("{}=simulation: ingest and guidance run on a clock that only PUT {} moves; not for real traffic",
                        CLOCK, SimulationClockHandler.PATH);
                return new SimulationClock(Instant.now());
            default:
                throw new ConfigException(CLOCK + " must be system or simulation, got \"" + kind + "\"");
        }
    }

    /** The clock's routes; a simulator waits there until guidance has the states it published (none to wait for without guidance). */
    private SimulationClockHandler simulationClockRoutes(SimulationClock clock, GuidanceVerticle guidance) {
        java.util.Set<String> ids = city.facilities().stream().map(f -> f.id()).collect(java.util.stream.Collectors.toSet());
        return new SimulationClockHandler(clock, id -> !ids.contains(id) ? null
                : guidance == null ? Optional.of(Instant.MAX) : Optional.ofNullable(guidance.state(id).updatedAt()));
    }

    /** Live traffic from the retained detector states, when the city has a {@code detectors.geojson}. */
    private TrafficVerticle trafficFor(Env env, RoadNetwork network, MqttSettings mqtt, WorkerExecutor pool) {
        if (detectors.isEmpty()) {
            LOG.info("city {} has no detectors.geojson: travel times are free flow", city.name());
            return null;
        }
        return new TrafficVerticle(mqtt.withClientId(mqtt.clientId() + "-traffic-" + shortRandom()),
                shared.topics(),
                network, detectors, pool, Clock.systemUTC());
    }

    /** The city's loop detectors from {@code detectors.geojson}, or none when the file is absent. */
    private List<Detector> loadDetectors() {
        java.nio.file.Path file = city.folder().resolve("detectors.geojson");
        if (!java.nio.file.Files.isRegularFile(file)) {
            return List.of();
        }
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            return DetectorsGeoJson.parse(in, file.toString());
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new ConfigException(AppConfig.CITY + ": cannot load " + file + ": " + e.getMessage(), e);
        }
    }

    /** Largest MQTT message (bytes) the embedded broker takes; larger ones close the sender's connection. */
    static final String EMBEDDED_MQTT_MAX_MESSAGE = "PARKLEIT_EMBEDDED_MQTT_MAX_MESSAGE";

    private String startBrokerIfNeeded(AppConfig cfg, Env env, Mode mode) {
        if (mode == Mode.SERVE && cfg.mqttUrl().isPresent()) {
            return cfg.mqttUrl().get();
        }
        if (mode == Mode.DEMO && cfg.mqttUrl().isPresent()) {
            LOG.info("demo uses its embedded broker; {} is ignored", AppConfig.MQTT_URL);
        }
        PortCheck.requireFree("127.0.0.1", cfg.embeddedMqttPort(), AppConfig.EMBEDDED_MQTT_PORT);
        EmbeddedBroker broker = new EmbeddedBroker("127.0.0.1", cfg.embeddedMqttPort(), cfg.dataDir().resolve("broker"),
                env.intInRange(EMBEDDED_MQTT_MAX_MESSAGE, EmbeddedBroker.DEFAULT_MAX_MESSAGE_BYTES, 1_024, 268_435_455));
        try {
            broker.start();
        } catch (EmbeddedBroker.BrokerStartException e) {
            throw new ConfigException(e.getMessage() + " (set " + AppConfig.EMBEDDED_MQTT_PORT + " to a free port)", e);
        }
        owned.add(broker);
        embeddedBroker = broker;
        LOG.info("embedded MQTT broker on {}", broker.url());
        return broker.url();
    }

    private RoadNetwork loadRoads(RoutingConfig routingConfig) {
        if (city.roadNetwork() == null) {
            LOG.warn("city {} has no road network file: routing and guidance are off", city.name());
            return null;
        }
        return RoadNetwork.load(city.roadNetwork(), TravelMode.CAR, routingConfig);
    }

    private void startSimulation(Env env, MqttSettings mqtt) {
        SimulatorConfig configured = SimulatorConfig.fromEnv(env, shared);
        // the city's detectors are simulated unless PARKLEIT_SIM_DETECTORS names others
        SimulatorConfig sim = configured.detectors().isEmpty() && env.raw("PARKLEIT_SIM_DETECTORS").isEmpty()
                ? configured.withDetectors(detectors.stream().map(Detector::id).toList()) : configured;
        if (!sim.enabled()) {
            LOG.info("gateway simulator is off (PARKLEIT_SIM_ENABLED=false)");
            return;
        }
        Clock clock = Clock.systemUTC();
        if (sim.backfillDays() > 0) {
            Instant now = clock.instant();
            Instant since = now.minus(java.time.Duration.ofDays(sim.backfillDays()));
            boolean hasHistory = city.facilities().stream().anyMatch(f -> store.countOccupancy(f.id(), since, now) > 100)
                    && (sim.detectors().isEmpty() || hasTraffic(sim.detectors().get(0), since, now));
            if (hasHistory) {
                LOG.info("history exists already: no backfill");
            } else {
                OccupancyModel model = new OccupancyModel(OccupancyShapes.bundled(), city.facilities(), sim.zone(), sim.seed());
                backfill = new HistoryBackfill(store, model, sim.backfillDays(), sim.meanDwell(), clock, sim.seed(),
                        sim.backfillBatch(), sim.detectors(), new TrafficModel(TrafficShapes.bundled(), sim.zone(), sim.seed()))
                        .start(vertx)
                        .onFailure(e -> LOG.warn("history backfill failed: {}", e.toString()));
            }
        }
        await(vertx.deployVerticle(new GatewaySimulatorVerticle(sim, mqtt.withClientId(mqtt.clientId() + "-sim-" + shortRandom()),
                city, clock, sim.seed())), "gateway simulator");
    }

    /**
     * The demo's sign bridge: every sign of the city driven over http-json through a simulated sign controller in this
     * process (its acks show in the planner's signs view); the feeds on a free port unless PARKLEIT_SIGNBRIDGE_PORT is set.
     */
    private void startSignBridge(Env env, MqttSettings mqtt, PrometheusMeterRegistry registry) {
        SignBridgeConfig c = SignBridgeConfig.fromEnv(env, shared, city.folder());
        SignBridgeConfig config = new SignBridgeConfig(c.topicRoot(), c.signsFile(), c.safeText(), c.timings(),
                env.raw("PARKLEIT_SIGNBRIDGE_PORT").isPresent() ? c.httpPort() : 0, c.country(), c.publisher());
        signController = new ControllerDisplay(Clock.systemUTC());
        SignControllerServer server = new SignControllerServer(vertx, signController, null);
        int port;
        try {
            port = server.start(0).await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("simulated sign controller did not start: " + e, e);
        }
        String at = "http://127.0.0.1:" + port + "/signs/{sign}";
        SignBridgeVerticle signBridge = new SignBridgeVerticle(config, mqtt.withClientId(mqtt.clientId() + "-signbridge-" + shortRandom()), registry,
                Clock.systemUTC(), k -> env.raw(k).orElse(null), s -> s.viaHttpJson(at));
        await(vertx.deployVerticle(signBridge), "sign bridge");
        LOG.info("demo sign bridge drives every sign through the simulated controller on http://127.0.0.1:{}/signs/", port);
    }

    /** The demo's simulated sign controller (to tell it to fail); empty outside the demo or without signs. */
    public Optional<ControllerDisplay> signController() {
        return Optional.ofNullable(signController);
    }

    private boolean hasTraffic(String detector, Instant since, Instant now) {
        HistoryWindow w = new HistoryWindow(since, now, java.time.Duration.ofDays(1));
        return store.trafficHistory(List.of(detector), w).getOrDefault(detector, List.of()).stream()
                .mapToLong(TrafficBucket::samples).sum() > 100;
    }

    private static void await(Future<?> f, String what) {
        try {
            f.await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable c = e.getCause() != null && e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
            if (c instanceof ConfigException ce) {
                throw ce;
            }
            if (c instanceof RuntimeException re && re.getMessage() != null && re.getMessage().contains("PARKLEIT_")) {
                throw new ConfigException(re.getMessage(), re);
            }
            throw new IllegalStateException(what + " did not start: " + c, c);
        }
    }


    private static String shortRandom() {
        return Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 6);
    }

    public int httpPort() {
        return dashboard.actualPort();
    }

    public String mqttUrl() {
        return mqttUrl;
    }

    public TimeSeriesStore store() {
        return store;
    }

    public City city() {
        return city;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** Completes when the first-start history backfill has finished (at once if there was none). */
    public Future<?> backfill() {
        return backfill;
    }

    /** The demo's planner login ({@link Mode#DEMO} only). */
    public java.util.Optional<DemoPlannerAccount> demoAccount() {
        return java.util.Optional.ofNullable(demoAccount);
    }

    /** The id of the city's first facility, for the banner's MQTT example. */
    String firstFacilityId() {
        return city.facilities().get(0).id();
    }

    /** The feeds this node polls (names from {@code feeds.properties}), empty without feeds. */
    public List<String> feeds() {
        return feedNames;
    }

    /** {@code demo --feed}: where the recording is served and its own observation time. */
    Optional<Map.Entry<String, Instant>> recording() {
        return recording == null ? Optional.empty() : Optional.of(Map.entry(recording.url(), recording.recordedAt()));
    }

    /** The shared settings this node was started with (read once from the environment and the city folder). */
    public SharedSettings shared() {
        return shared;
    }

    /** What runs, for the console banner. */
    public Map<String, String> summary() {
        return Map.of("city", city.name() + " (" + city.facilities().size() + " facilities, " + city.totalCapacity() + " spaces)",
                "mqtt", mqttUrl, "store", store.name(), "web", "http://localhost:" + httpPort() + "/");
    }

    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                LOG.warn("stopping {}: {}", owned.get(i), e.toString());
            }
        }
        owned.clear();
    }
}
