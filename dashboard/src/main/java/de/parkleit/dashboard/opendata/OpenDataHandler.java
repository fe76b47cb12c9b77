package de.parkleit.dashboard.opendata;

import de.parkleit.dashboard.live.FacilityJson;
import de.parkleit.core.live.FreeSpaceOutlook;
import de.parkleit.core.live.LiveBoard;
import de.parkleit.dashboard.opendata.datex2.Datex2Exports;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@code GET /api/v1/opendata/facilities.geojson}, {@code …/parkapi.json}, {@code …/ppl.json} and the
 * DATEX II documents ({@code …/datex2/v2.3/table.xml}, {@code …/datex2/v2.3/status.xml},
 * {@code …/datex2/v3.6/table.xml}, {@code …/datex2/v3.6/status.xml}, and {@code …/datex2.xml}: the v3.6 status). Every answer names its licence in the body (where the format has room) and in a
 * {@code Link: <…>; rel="license"} header, and is served through {@link #send}: {@code ETag} and
 * {@code Last-Modified} ({@link ConditionalResponse}), 304 on a current copy, {@code Cache-Control},
 * gzip by the server's compression when the client accepts it. Documents carry {@link #documentTime()}
 * as their publication time, so unchanged data give byte-identical documents and the same ETag.
 * The JSON and XML documents go through {@code sendBuilt}: built on a worker, at most once per change of the
 * data, and served from the built bytes until the next change. {@code send} takes a ready body
 * (String or bytes) and a content type.
 */
public final class OpenDataHandler {

    public static final String BASE = "/api/v1/opendata";
    /** Shared caches may keep a document for 30 s (the live state moves on); after that, revalidate. */
    static final String CACHE_CONTROL = "public, max-age=30, must-revalidate";
    static final String JSON = "application/json";

    private final LiveBoard view;
    private final String city;
    private final OpenDataLicence licence;
    private final DocumentClock clock;
    private final Map<String, Built> built = new ConcurrentHashMap<>();
    private final Datex2Exports datex;

    public OpenDataHandler(LiveBoard view, String city, OpenDataLicence licence) {
        this(view, city, licence, FreeSpaceOutlook.NONE);
    }

    /** @param outlook the forecaster's probability of a free space ahead, for the DATEX II v3.6 status */
    public OpenDataHandler(LiveBoard view, String city, OpenDataLicence licence, FreeSpaceOutlook outlook) {
        this.view = view;
        this.city = city;
        this.licence = licence;
        this.clock = new DocumentClock(view);
        this.datex = new Datex2Exports(view, city, licence, outlook, view.clock().instant());
    }

    public void mount(Router router) {
        router.get(BASE + "/facilities.geojson").handler(ctx -> sendBuilt(ctx, "geojson", "application/geo+json",
                t -> geoJson(t).toBuffer()));
        router.get(BASE + "/parkapi.json").handler(ctx -> sendBuilt(ctx, "parkapi", JSON,
                t -> ParkApiJson.city(view, city, licence, t).toBuffer()));
        router.get(BASE + "/ppl.json").handler(ctx -> sendBuilt(ctx, "ppl", JSON,
                t -> ParkingPublicationLight.write(view, city, licence, t).toBuffer()));
        router.get(BASE + "/datex2.xml").handler(ctx -> sendDatex(ctx, "datex2-v3.6-status", datex::status36));
        router.get(BASE + "/datex2/v2.3/table.xml").handler(ctx -> sendDatex(ctx, "datex2-v2.3-table", datex::table23));
        router.get(BASE + "/datex2/v2.3/status.xml").handler(ctx -> sendDatex(ctx, "datex2-v2.3-status", datex::status23));
        router.get(BASE + "/datex2/v3.6/table.xml").handler(ctx -> sendDatex(ctx, "datex2-v3.6-table", datex::table36));
        router.get(BASE + "/datex2/v3.6/status.xml").handler(ctx -> sendDatex(ctx, "datex2-v3.6-status", datex::status36));
    }

    /** A DATEX II document, built like the JSON ones: on a worker, once per change of the data. */
    private void sendDatex(RoutingContext ctx, String key, Function<Instant, String> document) {
        sendBuilt(ctx, key, Datex2Exports.MEDIA_TYPE, t -> Buffer.buffer(document.apply(t), "UTF-8"));
    }

    /** When the data behind the documents last changed (whole seconds): their publication time and Last-Modified. */
    Instant documentTime() {
        return clock.lastModified();
    }

    private void send(RoutingContext ctx, String type, String body) {
        send(ctx, type, Buffer.buffer(body, "UTF-8"));
    }

    private void send(RoutingContext ctx, String type, byte[] body) {
        send(ctx, type, Buffer.buffer(body));
    }

    private void send(RoutingContext ctx, String type, Buffer body) {
        respond(ctx, type, body, ConditionalResponse.etag(body), documentTime());
    }

    /** A document built at most once per change of the data, off the event loop (a 5,000-site city takes tens of ms). */
    private record Built(long version, Instant time, Buffer body, String etag) {
    }

    private void sendBuilt(RoutingContext ctx, String key, String type, Function<Instant, Buffer> build) {
        long version = clock.version();
        Instant time = documentTime();
        Built held = built.get(key);
        if (held != null && held.version() == version && held.time().equals(time)) {
            respond(ctx, type, held.body(), held.etag(), time);
            return;
        }
        ctx.vertx().executeBlocking(() -> {
            Buffer body = build.apply(time);
            return new Built(version, time, body, ConditionalResponse.etag(body));
        }, false).onSuccess(b -> {
            built.merge(key, b, (old, now) -> now.version() >= old.version() ? now : old);
            respond(ctx, type, b.body(), b.etag(), b.time());
        }).onFailure(ctx::fail);
    }

    private void respond(RoutingContext ctx, String type, Buffer body, String etag, Instant lastModified) {
        HttpServerResponse res = ctx.response().putHeader("Cache-Control", CACHE_CONTROL)
                .putHeader("Vary", "Accept-Encoding")
                .putHeader("Link", "<" + licence.url() + ">; rel=\"license\"")
                .putHeader("Access-Control-Allow-Origin", "*");
        if (ConditionalResponse.notModified(ctx.request(), res, etag, lastModified)) {
            res.setStatusCode(304).end();
            return;
        }
        res.putHeader("Content-Type", type).end(body);
    }

    /** A FeatureCollection of every facility with its live state; licence as foreign members. */
    JsonObject geoJson(Instant documentTime) {
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
                .put("generatedAt", documentTime.toString())
                .put("features", features);
    }
}
