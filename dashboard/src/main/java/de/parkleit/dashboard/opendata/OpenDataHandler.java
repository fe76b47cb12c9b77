package de.parkleit.dashboard.opendata;

import de.parkleit.dashboard.live.FacilityJson;
import de.parkleit.dashboard.opendata.datex2.Datex2Exports;
import de.parkleit.core.live.FreeSpaceOutlook;
import de.parkleit.core.live.LiveBoard;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.function.Function;

/**
 * {@code GET /api/v1/opendata/facilities.geojson}, {@code …/parkapi.json} and the DATEX II documents
 * ({@code …/datex2/v2.3/table.xml}, {@code …/datex2/v2.3/status.xml}, {@code …/datex2/v3.6/table.xml},
 * {@code …/datex2/v3.6/status.xml}, and {@code …/datex2.xml}: the v3.6 status).
 * Every answer names its licence in the body (where the format has room) and in a
 * {@code Link: <…>; rel="license"} header.
 */
public final class OpenDataHandler {

    public static final String BASE = "/api/v1/opendata";

    private final LiveBoard view;
    private final String city;
    private final OpenDataLicence licence;
    private final Datex2Exports datex;

    public OpenDataHandler(LiveBoard view, String city, OpenDataLicence licence) {
        this(view, city, licence, FreeSpaceOutlook.NONE);
    }

    /** @param outlook the forecaster's probability of a free space ahead, for the DATEX II v3.6 status */
    public OpenDataHandler(LiveBoard view, String city, OpenDataLicence licence, FreeSpaceOutlook outlook) {
        this.view = view;
        this.city = city;
        this.licence = licence;
        this.datex = new Datex2Exports(view, city, licence, outlook, view.clock().instant());
    }

    public void mount(Router router) {
        router.get(BASE + "/facilities.geojson").handler(ctx -> send(ctx, "application/geo+json", geoJson().encode()));
        router.get(BASE + "/parkapi.json").handler(ctx -> send(ctx, "application/json", ParkApiJson.city(view, city, licence, now()).encode()));
        router.get(BASE + "/datex2.xml").handler(ctx -> sendDatex(ctx, datex::status36));
        router.get(BASE + "/datex2/v2.3/table.xml").handler(ctx -> sendDatex(ctx, datex::table23));
        router.get(BASE + "/datex2/v2.3/status.xml").handler(ctx -> sendDatex(ctx, datex::status23));
        router.get(BASE + "/datex2/v3.6/table.xml").handler(ctx -> sendDatex(ctx, datex::table36));
        router.get(BASE + "/datex2/v3.6/status.xml").handler(ctx -> sendDatex(ctx, datex::status36));
    }

    /** Builds a DATEX II document on a worker (a large city takes tens of milliseconds) and sends it. */
    private void sendDatex(RoutingContext ctx, Function<Instant, String> document) {
        Instant now = now();
        ctx.vertx().executeBlocking(() -> document.apply(now), false)
                .onSuccess(body -> send(ctx, Datex2Exports.MEDIA_TYPE, body))
                .onFailure(ctx::fail);
    }

    private Instant now() {
        return view.clock().instant();
    }

    private void send(RoutingContext ctx, String type, String body) {
        ctx.response().putHeader("Content-Type", type).putHeader("Cache-Control", "public, max-age=30")
                .putHeader("Link", "<" + licence.url() + ">; rel=\"license\"")
                .putHeader("Access-Control-Allow-Origin", "*")
                .end(body);
    }

    /** A FeatureCollection of every facility with its live state; licence as foreign members. */
    JsonObject geoJson() {
        JsonArray features = new JsonArray();
        for (Object o : FacilityJson.all(view)) {
            JsonObject props = ((JsonObject) o).copy();
            double lat = (Double) props.remove("lat");
            double lon = (Double) props.remove("lon");
            features.add(new JsonObject().put("type", "Feature").put("id", props.getString("id"))
                    .put("geometry", new JsonObject().put("type", "Point").put("coordinates", new JsonArray().add(lon).add(lat)))
                    .put("properties", props));
        }
        return new JsonObject().put("type", "FeatureCollection")
                .put("license", licence.name()).put("licenseUrl", licence.url())
                .put("attribution", licence.attributionFor(city))
                .put("generatedAt", now().toString())
                .put("features", features);
    }
}
