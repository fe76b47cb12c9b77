package de.parkleit.dashboard.history;

import de.parkleit.dashboard.auth.AuthHandler;
import de.parkleit.dashboard.auth.PlannerUser;
import de.parkleit.platform.http.ApiException;
import de.parkleit.platform.store.HistoryWindow;
import de.parkleit.platform.store.StoreUnavailableException;
import de.parkleit.platform.store.TimeSeriesStore;
import de.parkleit.platform.store.TrafficBucket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Planner routes for loop detectors: {@code GET /api/v1/detectors} (the city's detectors) and
 * {@code GET /api/v1/detectors/{id}/history?from=&to=&step=} (vehicles, mean speed and lane
 * occupancy per bucket, as JSON or, with {@code Accept: text/csv}, CSV). Parameters follow the
 * facility history ({@link HistoryRequest}); the store query runs on a worker thread; errors are
 * problem JSON.
 */
public final class TrafficHistoryHandler {

    public static final String LIST_PATH = "/api/v1/detectors";
    public static final String PATH = "/api/v1/detectors/:id/history";

    private final TimeSeriesStore store;
    private final List<DetectorLocations.Location> detectors;
    private final Set<String> ids;
    private final Clock clock;

    public TrafficHistoryHandler(TimeSeriesStore store, List<DetectorLocations.Location> detectors, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.detectors = List.copyOf(detectors);
        Set<String> s = new LinkedHashSet<>();
        detectors.forEach(d -> s.add(d.id()));
        this.ids = Set.copyOf(s);
        this.clock = clock;
    }

    public void mount(Router router, AuthHandler auth) {
        router.get(LIST_PATH).handler(auth.require(PlannerUser.PLANNER)).handler(this::list);
        router.get(PATH).handler(auth.require(PlannerUser.PLANNER)).handler(this::history);
    }

    private void list(RoutingContext ctx) {
        JsonArray out = new JsonArray();
        for (DetectorLocations.Location d : detectors) {
            out.add(new JsonObject().put("id", d.id()).put("name", d.name()).put("road", d.road()).put("lat", d.lat())
                    .put("lon", d.lon()).put("heading", d.heading()).put("lanes", d.lanes()));
        }
        ctx.response().putHeader("Content-Type", HistoryHandler.JSON).end(out.encode());
    }

    private void history(RoutingContext ctx) {
        HistoryRequest req;
        try {
            req = HistoryRequest.parseDetector(ctx.pathParam("id"), ids, ctx::queryParam, clock.instant());
        } catch (ApiException e) {
            ctx.fail(e);
            return;
        }
        boolean csv = HistoryHandler.wantsCsv(ctx.request().getHeader("Accept"));
        String id = req.id();
        ctx.vertx().executeBlocking(() -> store.trafficHistory(List.of(id), req.window()).getOrDefault(id, List.of()), false)
                .onSuccess(buckets -> respond(ctx, id, req.window(), buckets, csv))
                .onFailure(e -> ctx.fail(storeFailure(e)));
    }

    static Throwable storeFailure(Throwable e) {
        if (e instanceof StoreUnavailableException || e instanceof UnsupportedOperationException) {
            return ApiException.unavailable("the history store is not available, try again later");
        }
        return e instanceof IllegalArgumentException ? ApiException.badRequest(e.getMessage()) : e;
    }

    private static void respond(RoutingContext ctx, String id, HistoryWindow w, List<TrafficBucket> buckets, boolean csv) {
        if (csv) {
            ctx.response().putHeader("Content-Type", HistoryHandler.CSV + "; charset=utf-8")
                    .putHeader("Content-Disposition", "inline; filename=\"" + id + "-traffic.csv\"")
                    .end(HistoryCsv.renderTraffic(buckets, w.step()));
            return;
        }
        double hours = w.step().toSeconds() / 3600.0;
        JsonArray rows = new JsonArray();
        for (TrafficBucket b : buckets) {
            rows.add(new JsonObject().put("start", b.start().toString()).put("vehicles", b.vehicles())
                    .put("vehiclesPerHour", Math.round(b.vehicles() / hours * 10) / 10.0)
                    .put("meanSpeedKmh", round1(b.meanSpeedKmh())).put("meanOccupancyPct", round1(b.meanOccupancyPct()))
                    .put("samples", b.samples()));
        }
        ctx.response().putHeader("Content-Type", HistoryHandler.JSON).end(new JsonObject().put("detector", id)
                .put("from", w.from().toString()).put("to", w.to().toString()).put("step", HistoryWindow.stepName(w.step()))
                .put("buckets", rows).encode());
    }

    private static Double round1(Double v) {
        return v == null ? null : Math.round(v * 10) / 10.0;
    }
}
