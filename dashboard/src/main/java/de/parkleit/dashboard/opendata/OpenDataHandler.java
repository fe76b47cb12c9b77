package de.parkleit.dashboard.opendata;

import de.parkleit.dashboard.live.FacilityJson;
import de.parkleit.core.live.LiveBoard;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/**
 * {@code GET /api/v1/opendata/facilities.geojson}, {@code …/parkapi.json} and {@code …/datex2.xml}.
 * Every answer names its licence in the body (where the format has room) and in a
 * {@code Link: <…>; rel="license"} header.
 */
public final class OpenDataHandler {

    public static final String BASE = "/api/v1/opendata";

    private final LiveBoard view;
    private final String city;
    private final OpenDataLicence licence;

    public OpenDataHandler(LiveBoard view, String city, OpenDataLicence licence) {
        this.view = view;
        this.city = city;
        this.licence = licence;
    }

    public void mount(Router router) {
        router.get(BASE + "/facilities.geojson").handler(ctx -> send(ctx, "application/geo+json", geoJson().encode()));
        router.get(BASE + "/parkapi.json").handler(ctx -> send(ctx, "application/json", ParkApiJson.city(view, city, licence, now()).encode()));
        router.get(BASE + "/datex2.xml").handler(ctx -> send(ctx, "application/xml; charset=utf-8",
                DatexParkingStatus.write(view, city, licence, now())));
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
