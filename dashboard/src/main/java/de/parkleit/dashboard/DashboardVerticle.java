package de.parkleit.dashboard;

import de.parkleit.core.city.City;
import de.parkleit.dashboard.auth.AuthHandler;
import de.parkleit.dashboard.facilities.FacilitiesHandler;
import de.parkleit.dashboard.history.DetectorLocations;
import de.parkleit.dashboard.history.TrafficHistoryHandler;
import de.parkleit.core.live.FreeSpaceOutlook;
import de.parkleit.core.live.LiveBoard;
import de.parkleit.dashboard.live.LiveStreamHandler;
import de.parkleit.platform.live.StateSubscriber;
import de.parkleit.dashboard.openapi.OpenApiHandler;
import de.parkleit.dashboard.opendata.OpenDataHandler;
import de.parkleit.dashboard.opendata.ParkApiPushClient;
import de.parkleit.dashboard.operations.OperationTopicListener;
import de.parkleit.dashboard.operations.OperationsHandler;
import de.parkleit.dashboard.quality.DeadLetterLog;
import de.parkleit.dashboard.quality.QualityHandler;
import de.parkleit.dashboard.ratelimit.RateLimitHandler;
import de.parkleit.dashboard.stats.GuidanceStatsHandler;
import de.parkleit.dashboard.signs.SignView;
import de.parkleit.dashboard.signs.SignsHandler;
import de.parkleit.dashboard.web.OriginCheckHandler;
import de.parkleit.dashboard.web.SecurityHeadersHandler;
import de.parkleit.dashboard.web.WebAppHandler;
import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.http.Problems;
import de.parkleit.platform.http.RouteContributor;
import de.parkleit.platform.metrics.Health;
import de.parkleit.platform.metrics.OpsHandler;
import de.parkleit.platform.mqtt.MqttConnection;
import de.parkleit.platform.mqtt.MqttMetrics;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.platform.store.TimeSeriesStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import io.vertx.ext.web.handler.CorsHandler;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard service: keeps a live view of every facility, sign and operator override from the
 * retained MQTT topics and serves the public API, the live push, the planner API (with the traffic
 * history and guidance statistics when it is given the store), open data, the web app and the routes
 * other services contribute, all on one HTTP server.
 */
public final class DashboardVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardVerticle.class);
    /** Request bodies (login, operations) are small; anything larger is refused with 413. */
    public static final int BODY_LIMIT = 16 * 1024;

    private final DashboardConfig config;
    private final MqttSettings mqttSettings;
    private final City city;
    private final List<RouteContributor> extraRoutes;
    private final Health health;
    private final PrometheusMeterRegistry registry;
    private final Clock clock = Clock.systemUTC();
    private final TimeSeriesStore store;
    private final FreeSpaceOutlook outlook;
    private List<DetectorLocations.Location> detectors = List.of();

    private LiveBoard view;
    private MqttConnection mqtt;
    private LiveStreamHandler stream;
    private SignsHandler signs;
    private InboundRouter inbound;
    private OpenApiHandler openApi;
    private WebAppHandler webApp;
    private HttpServer server;
    private ParkApiPushClient parkApiPush;
    private long expiryTimer = -1;

    public DashboardVerticle(DashboardConfig config, MqttSettings mqttSettings, City city,
                             List<RouteContributor> extraRoutes, Health health, PrometheusMeterRegistry registry) {
        this(config, mqttSettings, city, extraRoutes, health, registry, null);
    }

    /**
     * @param store the time-series store behind the planner's traffic history and guidance statistics,
     *              or null to serve without them
     */
    public DashboardVerticle(DashboardConfig config, MqttSettings mqttSettings, City city,
                             List<RouteContributor> extraRoutes, Health health, PrometheusMeterRegistry registry,
                             TimeSeriesStore store) {
        this(config, mqttSettings, city, extraRoutes, health, registry, store, FreeSpaceOutlook.NONE);
    }

    /**
     * @param outlook the forecaster's probability of a free space ahead (from guidance, wired by the app), for the
     *                forecast records of the DATEX II v3.6 status export; {@link FreeSpaceOutlook#NONE} for none
     */
    public DashboardVerticle(DashboardConfig config, MqttSettings mqttSettings, City city,
                             List<RouteContributor> extraRoutes, Health health, PrometheusMeterRegistry registry,
                             TimeSeriesStore store, FreeSpaceOutlook outlook) {
        this.outlook = java.util.Objects.requireNonNull(outlook, "outlook");
        this.store = store;
        this.config = config;
        this.mqttSettings = mqttSettings;
        this.city = city;
        this.extraRoutes = List.copyOf(extraRoutes);
        this.health = health;
        this.registry = registry;
    }

    @Override
    public Future<?> start() {
        view = new LiveBoard(city.facilities(), clock);
        stream = new LiveStreamHandler(vertx, view, config.maxStreams(), registry);
        SignView signView = new SignView();
        signs = new SignsHandler(signView, clock, registry, config.signAckAlert());
        signView.addListener(s -> stream.publish("sign", s.id(), signs.toJson(s).encode()));
        stream.addSnapshot("signs", () -> signs.all().encode());
        MqttSettings own = new MqttSettings(mqttSettings.url(),
                mqttSettings.clientId() + "-dashboard-" + UUID.randomUUID().toString().substring(0, 8),
                true, mqttSettings.username(), mqttSettings.password());
        mqtt = new MqttConnection(context, own, false);
        MqttMetrics.register(registry, mqtt);
        DeadLetterLog deadLetters = new DeadLetterLog(clock.instant());
        inbound = new InboundRouter(config.topics(), new StateSubscriber(config.topics(), view, registry,
                "parkleit.dashboard.state.messages", "facility state messages received by the dashboard, by outcome"),
                new OperationTopicListener(view, registry), signs, deadLetters, clock);
        mqtt.messageHandler(inbound::handle);
        health.register("dashboard-mqtt", () -> mqtt.isConnected() ? null : "not connected to " + own.url());
        expiryTimer = vertx.setPeriodic(15_000, id -> view.expireOperations());
        if (config.auth().secretGenerated() && !config.auth().users().isEmpty()) {
            LOG.warn("PARKLEIT_AUTH_SECRET is not set: sessions end on restart and are valid on this instance only");
        }
        webApp = new WebAppHandler(config, city);
        return loadCityFiles()
                .compose(v -> listen(router(deadLetters)))
                .compose(s -> mqtt.connect())
                .compose(v -> Future.all(inbound.filters().stream().map(f -> mqtt.subscribe(f, 1)).toList()))
                .onSuccess(v -> startParkApiPush())
                .onSuccess(v -> LOG.info("dashboard on http://{}:{}/ ({} facilities of {}, {} planner users, state from {})",
                        config.bindHost(), server.actualPort(), city.facilities().size(), city.name(),
                        config.auth().users().size(), own.url()))
                .recover(e -> shutdown().transform(ignored -> Future.failedFuture(e)));
    }

    /** With {@code PARKLEIT_PARKAPI_PUSH_URL} set: the push of changed sites to the ParkAPI v3 hub, once the state flows. */
    private void startParkApiPush() {
        if (config.parkApiPush().enabled()) {
            parkApiPush = new ParkApiPushClient(vertx, view, config.parkApiPush(),
                    clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), registry);
            parkApiPush.start();
        }
    }

    @Override
    public Future<?> stop() {
        return shutdown();
    }

    /** The port the server listens on (the real one when configured with 0); -1 before start. */
    public int actualPort() {
        return server == null ? -1 : server.actualPort();
    }

    /** Routes of this server that the OpenAPI document does not describe (empty when complete). */
    public Future<Set<String>> undocumentedRoutes() {
        return openApi.undocumented();
    }

    /**
     * Reads the optional {@code detectors.geojson} without blocking (the zone comes with the config, the locale with
     * the loaded city).
     */
    private Future<Void> loadCityFiles() {
        if (city.locale() != null) {
            webApp.locale(city.locale());
        }
        if (city.folder() == null) {
            return Future.succeededFuture();
        }
        return readIfExists(city.folder().resolve("detectors.geojson"), bytes -> detectors = DetectorLocations.parse(bytes));
    }

    private interface FileUse {
        void accept(byte[] bytes) throws Exception;
    }

    private Future<Void> readIfExists(Path file, FileUse use) {
        return vertx.fileSystem().exists(file.toString()).compose(exists -> !exists ? Future.<Void>succeededFuture()
                : vertx.fileSystem().readFile(file.toString()).map(buf -> {
                    try {
                        use.accept(buf.getBytes());
                    } catch (Exception e) {
                        throw new ConfigException("PARKLEIT_CITY: " + file + ": " + e.getMessage(), e);
                    }
                    return null;
                }));
    }

    private Router router(DeadLetterLog deadLetters) {
        Router router = Router.router(vertx);
        router.route().handler(new SecurityHeadersHandler(config.tileSource()));
        if (!config.corsOrigins().isEmpty()) {
            router.route("/api/*").handler(CorsHandler.create().addOrigins(config.corsOrigins())
                    .allowedMethod(HttpMethod.GET).allowedHeader("Content-Type"));
        }
        router.route("/api/*").handler(new RateLimitHandler(config.rateLimit().perMinute(), config.rateLimit().burst(),
                config.rateLimit().trustForwardedFor(), registry, "api"));
        router.route("/api/*").handler(new OriginCheckHandler(config.corsOrigins()));
        BodyHandler body = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
        AuthHandler auth = new AuthHandler(vertx, config.auth());
        extraRoutes.forEach(c -> c.mount(router));
        new OpsHandler(health, registry).mount(router);
        auth.mount(router, body, new RateLimitHandler(10, 10, config.rateLimit().trustForwardedFor(), registry, "login"));
        new FacilitiesHandler(view).mount(router);
        new OperationsHandler(view, config.topics(), mqtt).mount(router, auth, body);
        signs.mount(router, auth);
        new QualityHandler(view, deadLetters).mount(router, auth);
        if (store != null) {
            new TrafficHistoryHandler(store, detectors, clock).mount(router, auth);
            new GuidanceStatsHandler(store, id -> city.facility(id).map(f -> f.name()).orElse(id), clock).mount(router, auth);
        }
        new OpenDataHandler(view, city.name(), config.openData(), outlook).mount(router);
        stream.mount(router);
        openApi = new OpenApiHandler(vertx);
        openApi.mount(router);
        webApp.mount(router);
        router.route("/api/*").handler(ctx -> ctx.fail(404));
        Problems.install(router);
        router.errorHandler(404, Problems::handleFailure);
        router.errorHandler(405, Problems::handleFailure);
        return router;
    }

    private Future<HttpServer> listen(Router router) {
        HttpServerOptions o = new HttpServerOptions().setCompressionSupported(true).setMaxFormAttributeSize(8192);
        return vertx.createHttpServer(o).requestHandler(router).listen(config.httpPort(), config.bindHost())
                .onSuccess(s -> server = s)
                .recover(e -> Future.failedFuture(isAddressInUse(e)
                        ? new ConfigException("HTTP port " + config.httpPort() + " on " + config.bindHost()
                        + " is already in use; set " + DashboardConfig.PORT_VAR + " to a free port", e)
                        : e));
    }

    private static boolean isAddressInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    private Future<Void> shutdown() {
        if (expiryTimer >= 0) {
            vertx.cancelTimer(expiryTimer);
        }
        if (stream != null) {
            stream.closeAll();
        }
        if (parkApiPush != null) {
            parkApiPush.stop();
        }
        Future<Void> http = server == null ? Future.succeededFuture() : server.close();
        return http.transform(v -> mqtt == null ? Future.succeededFuture() : mqtt.disconnect());
    }
}
