package de.parkleit.dashboard.history;

import de.parkleit.platform.http.ApiException;
import de.parkleit.platform.http.RouteContributor;
import de.parkleit.platform.store.HistoryWindow;
import de.parkleit.platform.store.OccupancyBucket;
import de.parkleit.platform.store.StoreUnavailableException;
import de.parkleit.platform.store.TimeSeriesStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * {@code GET /api/v1/facilities/{id}/history?from=&to=&step=}: mean/min/max free spaces per bucket
 * as JSON ({@code application/json}, the default) or CSV ({@code Accept: text/csv}). Parameters
 * are checked by {@link HistoryRequest}; the store query runs on a worker thread; failures become
 * problem JSON through the router's failure handler ({@code Problems.install}).
 */
public final class HistoryHandler implements RouteContributor {

    public static final String PATH = "/api/v1/facilities/:id/history";
    static final String CSV = "text/csv";
    static final String JSON = "application/json";

    private final TimeSeriesStore store;
    private final Set<String> facilityIds;
    private final Clock clock;

    /** @param facilityIds the known facilities: any other id is 404 and never reaches the store */
    public HistoryHandler(TimeSeriesStore store, Set<String> facilityIds) {
        this(store, facilityIds, Clock.systemUTC());
    }

    HistoryHandler(TimeSeriesStore store, Set<String> facilityIds, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.facilityIds = Set.copyOf(facilityIds);
        this.clock = clock;
    }

    @Override
    public void mount(Router router) {
        router.get(PATH).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HistoryRequest req;
        try {
            req = HistoryRequest.parse(ctx.pathParam("id"), facilityIds, ctx::queryParam, clock.instant());
        } catch (ApiException e) {
            ctx.fail(e);
            return;
        }
        boolean csv = wantsCsv(ctx.request().getHeader("Accept"));
        ctx.vertx().executeBlocking(() -> store.occupancyHistory(List.of(req.id()), req.window()).get(req.id()), false)
                .onSuccess(buckets -> respond(ctx, req, buckets, csv))
                .onFailure(e -> ctx.fail(e instanceof StoreUnavailableException
                        ? ApiException.unavailable("the history store is not available, try again later")
                        : e instanceof IllegalArgumentException ? ApiException.badRequest(e.getMessage()) : e));
    }

    /** CSV only when asked for explicitly and preferred over JSON; everything else gets JSON. */
    static boolean wantsCsv(String accept) {
        if (accept == null) {
            return false;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        int csv = a.indexOf(CSV);
        int json = a.indexOf(JSON);
        return csv >= 0 && (json < 0 || csv < json);
    }

    private void respond(RoutingContext ctx, HistoryRequest req, List<OccupancyBucket> buckets, boolean csv) {
        if (csv) {
            ctx.response().putHeader("Content-Type", CSV + "; charset=utf-8")
                    .putHeader("Content-Disposition", "inline; filename=\"" + req.id() + "-history.csv\"")
                    .end(HistoryCsv.render(buckets));
            return;
        }
        JsonArray rows = new JsonArray();
        for (OccupancyBucket b : buckets) {
            rows.add(new JsonObject().put("start", b.start().toString()).put("meanFree", b.meanFree())
                    .put("minFree", b.minFree()).put("maxFree", b.maxFree()).put("samples", b.samples()));
        }
        HistoryWindow w = req.window();
        JsonObject body = new JsonObject().put("facility", req.id()).put("from", w.from().toString())
                .put("to", w.to().toString()).put("step", HistoryWindow.stepName(w.step())).put("buckets", rows);
        ctx.response().putHeader("Content-Type", JSON).end(body.encode());
    }
}
