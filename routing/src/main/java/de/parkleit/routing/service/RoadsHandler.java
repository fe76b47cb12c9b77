package de.parkleit.routing.service;

import de.parkleit.platform.http.RouteContributor;
import de.parkleit.routing.graph.EdgeWeights;
import de.parkleit.routing.graph.RoadGraph;
import de.parkleit.routing.network.RoadNetwork;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Objects;

/**
 * Serves {@code GET /api/v1/roads}: the city's car network as a GeoJSON FeatureCollection of
 * LineStrings, one per road segment, with {@code highway} (road class), {@code maxspeedKmh}
 * (free-flow speed) and {@code speedKmh} (speed under the current live weights, the slower direction of
 * a two-way road). The web map draws
 * it as its base map when no tile server is reachable. Built on the worker pool; the answer is
 * small enough to send whole (a few hundred KB for a city centre).
 */
public final class RoadsHandler implements RouteContributor {

    public static final String PATH = "/api/v1/roads";

    private final WorkerExecutor workers;
    private final RoadNetwork network;

    /** @param workers the routing pool (may be null only where {@link #geoJson()} is called directly) */
    public RoadsHandler(WorkerExecutor workers, RoadNetwork network) {
        this.workers = workers;
        this.network = Objects.requireNonNull(network, "network");
    }

    @Override
    public void mount(Router router) {
        router.get(PATH).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        workers.executeBlocking(this::geoJson, false)
                .onSuccess(body -> ctx.response().putHeader("Content-Type", RouteHandler.GEOJSON)
                        .putHeader("Cache-Control", "public, max-age=60").end(body))
                .onFailure(ctx::fail);
    }

    /** The network as GeoJSON text. */
    String geoJson() {
        RoadGraph g = network.graph();
        EdgeWeights live = network.travelTimes();
        JsonArray features = new JsonArray();
        for (int s = 0; s < g.segmentCount(); s++) {
            int edge = g.segmentForward(s) >= 0 ? g.segmentForward(s) : g.segmentBackward(s);
            if (edge < 0) {
                continue;
            }
            JsonArray coords = new JsonArray();
            for (int i = 0; i < g.segmentPointCount(s); i++) {
                coords.add(new JsonArray().add(g.segmentLonE7(s, i) / 1e7).add(g.segmentLatE7(s, i) / 1e7));
            }
            double speed = liveKmh(g, live, edge);
            if (g.segmentForward(s) >= 0 && g.segmentBackward(s) >= 0) {
                // a two-way road shows its slower direction, so a detector on either one colours it
                speed = Math.min(speed, liveKmh(g, live, g.segmentBackward(s)));
            }
            features.add(new JsonObject()
                    .put("type", "Feature")
                    .put("geometry", new JsonObject().put("type", "LineString").put("coordinates", coords))
                    .put("properties", new JsonObject()
                            .put("highway", g.roadClass(edge).name().toLowerCase(Locale.ROOT))
                            .put("oneway", g.segmentForward(s) < 0 || g.segmentBackward(s) < 0)
                            .put("maxspeedKmh", Math.round(g.freeFlowKmh(edge)))
                            .put("speedKmh", Math.round(speed))));
        }
        return new JsonObject().put("type", "FeatureCollection").put("features", features)
                .put("attribution", "© OpenStreetMap contributors, ODbL 1.0").encode();
    }

    private static double liveKmh(RoadGraph g, EdgeWeights live, int edge) {
        double liveMs = live.get(edge);
        return liveMs > 0 ? g.lengthMeters(edge) / (liveMs / 1000.0) * 3.6 : g.freeFlowKmh(edge);
    }
}
