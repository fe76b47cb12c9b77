package de.parkleit.guidance.service;

import de.parkleit.core.facility.Facility;
import de.parkleit.routing.graph.GeoPoint;
import de.parkleit.guidance.Candidate;
import de.parkleit.guidance.GuidancePlan;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The JSON answer of {@code GET /api/v1/guidance}: the recommendation first, then alternatives,
 * each with drive, search and walk times, predicted free spaces on arrival ({@code null} where
 * there is no fresh number), the probability of a free space, the score (expected cost in
 * driving seconds) and the route as a GeoJSON FeatureCollection (drive LineString, walk LineString).
 */
final class GuidanceJson {

    private GuidanceJson() {
    }

    static JsonObject of(GuidancePlan plan) {
        JsonArray results = new JsonArray();
        List<Candidate> ranked = plan.ranked();
        for (int i = 0; i < ranked.size(); i++) {
            results.add(result(i + 1, ranked.get(i)));
        }
        return new JsonObject()
                .put("requestId", plan.requestId())
                .put("at", plan.at().toString())
                .put("from", point(plan.from()))
                .put("to", point(plan.to()))
                .put("arrive", plan.arrive() == null ? null : plan.arrive().toString())
                .put("recommended", plan.recommended().facility().id())
                .put("results", results);
    }

    private static JsonObject result(int rank, Candidate c) {
        Facility f = c.facility();
        return new JsonObject()
                .put("rank", rank)
                .put("facility", new JsonObject().put("id", f.id()).put("name", f.name()).put("lat", f.lat()).put("lon", f.lon())
                        .put("capacity", f.capacity()))
                .put("availability", c.availability().wireName())
                .put("driveSeconds", round(c.drive().seconds(), 10))
                .put("driveMeters", round(c.drive().meters(), 10))
                .put("searchSeconds", round(c.searchSeconds(), 10))
                .put("walkSeconds", round(c.walk().seconds(), 10))
                .put("walkMeters", round(c.walk().meters(), 10))
                .put("arrival", c.arrival().toString())
                .put("predictedFree", c.knownFree() ? (Object) (int) Math.floor(c.expectedFree()) : null)
                .put("probabilityFree", round(c.probabilityFree(), 1000))
                .put("forecastSource", c.forecastSource())
                .put("pending", c.pending())
                .put("score", round(c.score(), 10))
                .put("route", route(c));
    }

    private static JsonObject route(Candidate c) {
        JsonObject drive = feature(c.drive().line(), new JsonObject().put("leg", "drive")
                .put("distance", round(c.drive().meters(), 10)).put("duration", round(c.drive().seconds(), 10))
                .put("trafficVersion", c.drive().weightsVersion()));
        JsonObject walk = feature(c.walk().line(), new JsonObject().put("leg", "walk")
                .put("distance", round(c.walk().meters(), 10)).put("duration", round(c.walk().seconds(), 10))
                .put("approximation", c.walk().approximation()));
        return new JsonObject().put("type", "FeatureCollection").put("features", new JsonArray().add(drive).add(walk));
    }

    private static JsonObject feature(List<GeoPoint> line, JsonObject properties) {
        JsonArray coords = new JsonArray();
        for (GeoPoint p : line) {
            coords.add(new JsonArray().add(round(p.lon(), 1e6)).add(round(p.lat(), 1e6)));
        }
        if (coords.size() == 1) {
            coords.add(coords.getJsonArray(0).copy());
        }
        return new JsonObject().put("type", "Feature")
                .put("geometry", new JsonObject().put("type", "LineString").put("coordinates", coords))
                .put("properties", properties);
    }

    private static JsonObject point(GeoPoint p) {
        return new JsonObject().put("lat", p.lat()).put("lon", p.lon());
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
