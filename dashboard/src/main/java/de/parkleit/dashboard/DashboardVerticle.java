package de.parkleit.dashboard;

import de.parkleit.core.city.City;
import de.parkleit.dashboard.facilities.FacilitiesHandler;
import de.parkleit.dashboard.live.LiveStateView;
import de.parkleit.dashboard.live.LiveStreamHandler;
import de.parkleit.dashboard.live.StateTopicListener;
import de.parkleit.dashboard.web.SecurityHeadersHandler;
import de.parkleit.dashboard.web.WebAppHandler;
import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.http.Problems;
import de.parkleit.platform.http.RouteContributor;
import de.parkleit.platform.metrics.Health;
import de.parkleit.platform.metrics.OpsHandler;
import de.parkleit.platform.mqtt.MqttConnection;
import de.parkleit.platform.mqtt.MqttSettings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.CorsHandler;
import java.net.BindException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard service: keeps a live view of every facility from the retained state topics and
 * serves the public API, the live push, the web app and the routes other services contribute,
 * all on one HTTP server.
 */
public final class DashboardVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardVerticle.class);

    private final DashboardConfig config;
    private final MqttSettings mqttSettings;
    private final City city;
    private final List<RouteContributor> extraRoutes;
    private final Health health;
    private final PrometheusMeterRegistry registry;

    private LiveStateView view;
    private MqttConnection mqtt;
    private LiveStreamHandler stream;
    private HttpServer server;

    public DashboardVerticle(DashboardConfig config, MqttSettings mqttSettings, City city,
                             List<RouteContributor> extraRoutes, Health health, PrometheusMeterRegistry registry) {
        this.config = config;
        this.mqttSettings = mqttSettings;
        this.city = city;
        this.extraRoutes = List.copyOf(extraRoutes);
        this.health = health;
        this.registry = registry;
    }

    @Override
    public Future<?> start() {
        view = new LiveStateView(city.facilities());
        stream = new LiveStreamHandler(vertx, view, config.maxStreams(), registry);
        MqttSettings own = new MqttSettings(mqttSettings.url(),
                mqttSettings.clientId() + "-dashboard-" + UUID.randomUUID().toString().substring(0, 8),
                true, mqttSettings.username(), mqttSettings.password());
        mqtt = new MqttConnection(context, own, false);
        mqtt.messageHandler(new StateTopicListener(config.topics(), view, registry)::handle);
        health.register("dashboard-mqtt", () -> mqtt.isConnected() ? null : "not connected to " + own.url());
        return listen(router())
                .compose(s -> mqtt.connect())
                .compose(v -> mqtt.subscribe(config.topics().facilityStateFilter(), 1))
                .onSuccess(v -> LOG.info("dashboard on http://{}:{}/ ({} facilities of {}, state from {})",
                        config.bindHost(), server.actualPort(), city.facilities().size(), city.name(), own.url()))
                .recover(e -> shutdown().transform(ignored -> Future.failedFuture(e)));
    }

    @Override
    public Future<?> stop() {
        return shutdown();
    }

    /** The port the server listens on (the real one when configured with 0); -1 before start. */
    public int actualPort() {
        return server == null ? -1 : server.actualPort();
    }

    private Router router() {
        Router router = Router.router(vertx);
        router.route().handler(new SecurityHeadersHandler(config.tileSource()));
        if (!config.corsOrigins().isEmpty()) {
            router.route("/api/*").handler(CorsHandler.create().addOrigins(config.corsOrigins())
                    .allowedMethod(io.vertx.core.http.HttpMethod.GET).allowedHeader("Content-Type"));
        }
        extraRoutes.forEach(c -> c.mount(router));
        new OpsHandler(health, registry).mount(router);
        new FacilitiesHandler(view).mount(router);
        stream.mount(router);
        new WebAppHandler(config, city).mount(router);
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
        if (stream != null) {
            stream.closeAll();
        }
        Future<Void> http = server == null ? Future.succeededFuture() : server.close();
        return http.transform(v -> mqtt == null ? Future.succeededFuture() : mqtt.disconnect());
    }
}
