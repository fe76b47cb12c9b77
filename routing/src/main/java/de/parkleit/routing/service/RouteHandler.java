package de.parkleit.routing.service;

import de.parkleit.platform.http.ApiException;
import de.parkleit.platform.http.RouteContributor;
import de.parkleit.routing.graph.GeoPoint;
import de.parkleit.routing.network.NoRouteException;
import de.parkleit.routing.network.Optimize;
import de.parkleit.routing.network.OutsideNetworkException;
import de.parkleit.routing.network.RoadNetwork;
import de.parkleit.routing.network.Route;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/**
 * Serves {@code GET /api/v1/route?from=lat,lon&to=lat,lon&optimize=time|distance} as a GeoJSON
 * Feature: a LineString from the snapped origin to the snapped destination with
 * {@code distance} (m) and {@code duration} (s). Malformed parameters are 400; a point off the
 * network ({@code outside-network}) or an unroutable pair ({@code no-route}) is 422. The search
 * runs on the given worker pool, never on the event loop.
 */
public final class RouteHandler implements RouteContributor {

    public static final String PATH = "/api/v1/route";
    public static final String GEOJSON = "application/geo+json";

    private final WorkerExecutor workers;
    private final RoadNetwork network;

    /**
     * @param workers a named pool for the searches, e.g. {@code vertx.createSharedWorkerExecutor("parkleit-routing", 4)}
     * @param network the car network loaded at start
     */
    public RouteHandler(WorkerExecutor workers, RoadNetwork network) {
        this.workers = Objects.requireNonNull(workers, "workers");
        this.network = Objects.requireNonNull(network, "network");
    }

    @Override
    public void mount(Router router) {
        router.get(PATH).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        GeoPoint from;
        GeoPoint to;
        Optimize optimize;
        try {
            from = position(ctx, "from");
            to = position(ctx, "to");
            optimize = optimize(ctx.request().getParam("optimize"));
        } catch (ApiException e) {
            ctx.fail(e);
            return;
        }
        workers.executeBlocking(() -> network.route(from, to, optimize), false)
                .onSuccess(route -> ctx.response().putHeader("Content-Type", GEOJSON).end(toGeoJson(route).encode()))
                .onFailure(err -> ctx.fail(toApi(err)));
    }

    static GeoPoint position(RoutingContext ctx, String name) {
        String value = ctx.request().getParam(name);
        if (value == null || value.isBlank()) {
            throw ApiException.invalidParameter(name, "'" + name + "' is required as lat,lon in degrees");
        }
        String[] parts = value.split(",", -1);
        if (parts.length != 2) {
            throw ApiException.invalidParameter(name, "'" + name + "' must be lat,lon in degrees, got '" + value + "'");
        }
        try {
            double lat = Double.parseDouble(parts[0].trim());
            double lon = Double.parseDouble(parts[1].trim());
            return new GeoPoint(lat, lon);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter(name, "'" + name + "' must be lat,lon with -90 <= lat <= 90 and "
                    + "-180 <= lon <= 180, got '" + value + "'");
        }
    }

    static Optimize optimize(String value) {
        if (value == null || value.isEmpty()) {
            return Optimize.TIME;
        }
        try {
            return Optimize.parse(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("optimize", e.getMessage());
        }
    }

    static Throwable toApi(Throwable err) {
        if (err instanceof OutsideNetworkException o) {
            return new ApiException(422, "outside-network", "Point outside the road network", o.getMessage());
        }
        if (err instanceof NoRouteException n) {
            return new ApiException(422, "no-route", "No route between the points", n.getMessage());
        }
        return err;
    }

    /** The route as a GeoJSON Feature with a LineString geometry. */
    public static JsonObject toGeoJson(Route route) {
        JsonArray coords = new JsonArray();
        for (GeoPoint p : route.points()) {
            coords.add(new JsonArray().add(round(p.lon(), 1e6)).add(round(p.lat(), 1e6)));
        }
        return new JsonObject()
                .put("type", "Feature")
                .put("geometry", new JsonObject().put("type", "LineString").put("coordinates", coords))
                .put("properties", new JsonObject()
                        .put("distance", round(route.distanceMeters(), 10))
                        .put("duration", round(route.durationSeconds(), 10))
                        .put("optimize", route.optimize().wireName())
                        .put("trafficVersion", route.weightsVersion()));
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
