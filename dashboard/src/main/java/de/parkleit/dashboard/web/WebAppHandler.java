package de.parkleit.dashboard.web;

import de.parkleit.core.city.City;
import de.parkleit.core.facility.Facility;
import de.parkleit.dashboard.DashboardConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Serves the web app from the classpath folder {@code webroot}, Leaflet and uPlot from their WebJars
 * under {@code /vendor/}, and {@code GET /api/v1/map/config} (city name, bounds, tile URL and
 * attribution) that the map starts from.
 */
public final class WebAppHandler {

    static final String LEAFLET = "META-INF/resources/webjars/leaflet/1.9.4/dist";
    static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist";

    private final DashboardConfig config;
    private final City city;
    private volatile String locale;

    public WebAppHandler(DashboardConfig config, City city) {
        this.config = config;
        this.city = city;
    }

    /**
     * The city's language ({@code locale} in {@code city.properties}, e.g. {@code de}): the web app uses it when the
     * browser prefers neither German nor English (then German when the city sets none).
     */
    public void locale(String tag) {
        String l = java.util.Locale.forLanguageTag(tag).getLanguage();
        this.locale = l.isEmpty() ? null : l;
    }

    public void mount(Router router) {
        router.get("/api/v1/map/config").handler(this::mapConfig);
        router.get("/vendor/leaflet/*").handler(vendor(LEAFLET));
        router.get("/vendor/uplot/*").handler(vendor(UPLOT));
        router.get("/*").handler(StaticHandler.create("webroot")
                .setIndexPage("index.html")
                .setCachingEnabled(true)
                .setMaxAgeSeconds(60)
                .setDirectoryListing(false));
    }

    private static StaticHandler vendor(String root) {
        return StaticHandler.create(root).setCachingEnabled(true).setMaxAgeSeconds(86_400).setDirectoryListing(false);
    }

    private void mapConfig(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json").end(mapConfigJson().encode());
    }

    JsonObject mapConfigJson() {
        double minLat = 90, minLon = 180, maxLat = -90, maxLon = -180;
        for (Facility f : city.facilities()) {
            minLat = Math.min(minLat, f.lat());
            maxLat = Math.max(maxLat, f.lat());
            minLon = Math.min(minLon, f.lon());
            maxLon = Math.max(maxLon, f.lon());
        }
        JsonObject o = new JsonObject()
                .put("city", city.name())
                .put("timezone", config.zone().getId())
                .put("tileUrl", config.tileUrl())
                .put("tileAttribution", config.tileAttribution())
                .put("dataAttribution", "Facilities: ParkAPI / city open data; roads: © OpenStreetMap contributors (ODbL)");
        if (locale != null) {
            o.put("locale", locale);
        }
        if (!city.facilities().isEmpty()) {
            o.put("bounds", new JsonArray().add(new JsonArray().add(minLat).add(minLon)).add(new JsonArray().add(maxLat).add(maxLon)));
        }
        return o;
    }
}
