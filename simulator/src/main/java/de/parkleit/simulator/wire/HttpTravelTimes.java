package de.parkleit.simulator.wire;

import com.fasterxml.jackson.databind.JsonNode;
import de.parkleit.simulator.driver.Drive;
import de.parkleit.simulator.driver.Position;
import de.parkleit.simulator.driver.TravelTimes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Routes from a running parkleit: {@code GET {base}/api/v1/route?from=lat,lon&to=lat,lon}, a
 * GeoJSON Feature with a LineString and {@code properties.distance} (m) and {@code duration} (s);
 * 422 (outside the network, no route) means no route.
 */
public final class HttpTravelTimes implements TravelTimes {

    private final String base;
    private final HttpJson http = new HttpJson();

    public HttpTravelTimes(String baseUrl) {
        this.base = baseUrl.replaceAll("/+$", "");
    }

    @Override
    public Optional<Drive> route(Position from, Position to) {
        return http.get(base + "/api/v1/route?from=" + from.query() + "&to=" + to.query()).map(HttpTravelTimes::leg);
    }

    static Drive leg(JsonNode feature) {
        JsonNode props = feature.path("properties");
        List<Position> points = new ArrayList<>();
        for (JsonNode c : feature.path("geometry").path("coordinates")) {
            points.add(new Position(c.get(1).asDouble(), c.get(0).asDouble()));
        }
        return new Drive(props.path("distance").asDouble(), props.path("duration").asDouble(), points);
    }
}
