package de.parkleit.dashboard.browser;

import de.parkleit.core.city.City;
import de.parkleit.core.facility.Facility;
import de.parkleit.platform.http.RouteContributor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Test doubles of routes other modules serve on the same router, answering in their documented
 * shapes, so the browser tests exercise the web app end to end: {@code /api/v1/guidance} (routing)
 * and {@code /api/v1/facilities/{id}/history} (dashboard.history, backed by the store).
 */
final class ContractDoubles {

    private ContractDoubles() {
    }

    /** Ranked results for the three facilities nearest the destination, with drive and walk lines. */
    static RouteContributor guidance(City city) {
        return router -> router.get("/api/v1/guidance").handler(ctx -> {
            double[] from = latLon(ctx.queryParam("from").get(0));
            double[] to = latLon(ctx.queryParam("to").get(0));
            List<Facility> near = city.facilities().stream()
                    .sorted(Comparator.comparingDouble(f -> Math.hypot(f.lat() - to[0], f.lon() - to[1]))).limit(3).toList();
            JsonArray results = new JsonArray();
            for (int i = 0; i < near.size(); i++) {
                Facility f = near.get(i);
                JsonArray drive = new JsonArray().add(pt(from[0], from[1])).add(pt(from[0], f.lon())).add(pt(f.lat(), f.lon()));
                JsonArray walk = new JsonArray().add(pt(f.lat(), f.lon())).add(pt(to[0], to[1]));
                // the shape of routing's GuidanceJson: one FeatureCollection holding both legs
                results.add(new JsonObject().put("rank", i + 1)
                        .put("facility", new JsonObject().put("id", f.id()).put("name", f.name()))
                        .put("driveSeconds", 420 + 60 * i).put("walkSeconds", 180 + 30 * i)
                        .put("predictedFree", 40 - 10 * i).put("probabilityFree", 0.95 - 0.1 * i)
                        .put("route", new JsonObject().put("type", "FeatureCollection").put("features", new JsonArray()
                                .add(leg("drive", drive)).add(leg("walk", walk)))));
            }
            ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("results", results).encode());
        });
    }

    private static JsonObject leg(String leg, JsonArray coordinates) {
        return new JsonObject().put("type", "Feature").put("properties", new JsonObject().put("leg", leg))
                .put("geometry", new JsonObject().put("type", "LineString").put("coordinates", coordinates));
    }

    /** A day-shaped series for any facility: 5-minute (or the asked) buckets over the asked range. */
    static RouteContributor history(City city) {
        return router -> router.get("/api/v1/facilities/:id/history").handler(ctx -> {
            Facility f = city.facility(ctx.pathParam("id")).orElseThrow();
            Instant to = Instant.parse(ctx.queryParam("to").get(0));
            Instant from = Instant.parse(ctx.queryParam("from").get(0));
            String stepName = ctx.queryParam("step").get(0);
            Duration step = stepName.endsWith("h") ? Duration.ofHours(Long.parseLong(stepName.replace("h", "")))
                    : Duration.ofMinutes(Long.parseLong(stepName.replace("m", "")));
            JsonArray buckets = new JsonArray();
            for (Instant t = from; t.isBefore(to); t = t.plus(step)) {
                double hour = (t.getEpochSecond() % 86_400) / 3600.0;
                double share = 0.55 + 0.4 * Math.cos((hour - 14) / 24 * 2 * Math.PI);
                int mean = (int) Math.round(f.capacity() * Math.min(1, Math.max(0, share)));
                buckets.add(new JsonObject().put("start", t.toString()).put("meanFree", (double) mean)
                        .put("minFree", Math.max(0, mean - 5)).put("maxFree", Math.min(f.capacity(), mean + 5)).put("samples", 5));
            }
            ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("facility", f.id())
                    .put("from", from.toString()).put("to", to.toString()).put("step", stepName).put("buckets", buckets).encode());
        });
    }

    /** Two named streets as GeoJSON lines, one congested, in the shape the map reads from routing. */
    static RouteContributor roads() {
        return router -> router.get("/api/v1/roads").handler(ctx -> ctx.response().putHeader("Content-Type", "application/geo+json")
                .end(new JsonObject().put("type", "FeatureCollection").put("features", new JsonArray()
                        .add(line("Hauptstraße", "primary", 12.0, 50.0, pt(49.4105, 8.6930), pt(49.4110, 8.6990), pt(49.4118, 8.7050)))
                        .add(line("Sofienstraße", "secondary", 45.0, 50.0, pt(49.4080, 8.6900), pt(49.4095, 8.6920)))).encode()));
    }

    private static JsonObject line(String name, String highway, double speed, double max, JsonArray... pts) {
        JsonArray coords = new JsonArray();
        for (JsonArray p : pts) {
            coords.add(p);
        }
        return new JsonObject().put("type", "Feature")
                .put("properties", new JsonObject().put("name", name).put("highway", highway).put("speedKmh", speed).put("maxspeedKmh", max))
                .put("geometry", new JsonObject().put("type", "LineString").put("coordinates", coords));
    }

    private static double[] latLon(String s) {
        String[] p = s.split(",");
        return new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])};
    }

    private static JsonArray pt(double lat, double lon) {
        return new JsonArray().add(lon).add(lat);
    }
}
