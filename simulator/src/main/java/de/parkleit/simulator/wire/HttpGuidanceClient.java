package de.parkleit.simulator.wire;

import com.fasterxml.jackson.databind.JsonNode;
import de.parkleit.simulator.driver.GuidanceClient;
import de.parkleit.simulator.driver.Position;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Guidance from a running parkleit: {@code GET {base}/api/v1/guidance?from=lat,lon&to=lat,lon}.
 * Reads the facility ids, best first, from {@code results} (the routing module's answer; also
 * {@code recommendations}, {@code options} or a bare array), each element's {@code facility.id}
 * (or {@code facilityId}, {@code facility}, {@code id}).
 * The wall clock is the guidance's clock here, so {@code now} is not sent.
 */
public final class HttpGuidanceClient implements GuidanceClient {

    private final String base;
    private final HttpJson http = new HttpJson();

    public HttpGuidanceClient(String baseUrl) {
        this.base = baseUrl.replaceAll("/+$", "");
    }

    @Override
    public List<String> recommend(Position from, Position to, Instant now) {
        return http.get(base + "/api/v1/guidance?from=" + from.query() + "&to=" + to.query())
                .map(HttpGuidanceClient::facilityIds).orElse(List.of());
    }

    static List<String> facilityIds(JsonNode body) {
        JsonNode list = body.isArray() ? body
                : body.has("results") ? body.get("results")
                : body.has("recommendations") ? body.get("recommendations") : body.path("options");
        List<String> ids = new ArrayList<>();
        for (JsonNode n : list) {
            String id = n.isTextual() ? n.asText()
                    : n.hasNonNull("facilityId") ? n.get("facilityId").asText()
                    : n.path("facility").isObject() ? n.path("facility").path("id").asText(null)
                    : n.hasNonNull("facility") ? n.get("facility").asText()
                    : n.path("id").asText(null);
            if (id != null && !id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }
}
