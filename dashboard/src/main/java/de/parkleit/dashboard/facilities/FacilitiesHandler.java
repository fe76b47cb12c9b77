package de.parkleit.dashboard.facilities;

import de.parkleit.core.Ids;
import de.parkleit.dashboard.live.FacilityJson;
import de.parkleit.core.live.LiveBoard;
import de.parkleit.platform.http.ApiException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/v1/facilities} and {@code GET /api/v1/facilities/{id}}. */
public final class FacilitiesHandler {

    private final LiveBoard view;

    public FacilitiesHandler(LiveBoard view) {
        this.view = view;
    }

    public void mount(Router router) {
        router.get("/api/v1/facilities").handler(this::list);
        router.get("/api/v1/facilities/:id").handler(this::one);
    }

    private void list(RoutingContext ctx) {
        json(ctx, FacilityJson.all(view).encode());
    }

    private void one(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!Ids.isValid(id)) {
            throw ApiException.invalidParameter("id", "a facility id matches [A-Za-z0-9_-]{1,64}");
        }
        if (view.facility(id).isEmpty()) {
            throw ApiException.notFound("no facility with id " + id);
        }
        json(ctx, FacilityJson.of(view, id).encode());
    }

    private static void json(RoutingContext ctx, String body) {
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-cache").end(body);
    }
}
