package de.parkleit.dashboard.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a ParkAPI v1 city document the way OpenTripPlanner's {@code park-api} vehicle-parking updater
 * does ({@code ParkAPIUpdater} / {@code CarParkAPIUpdater}, re-implemented here from reading its
 * source, on Jackson's {@code JsonNode} like OTP): the lots are under {@code lots}; {@code state} is read
 * unconditionally ({@code get("state").asText()}, so a lot without it breaks the update) and only
 * {@code closed} means closed; capacity is {@code total}, availability {@code free}, each taken as
 * {@code asInt()} whenever the key is present (so {@code "free": null} reads as 0 free, i.e. full); the
 * position is {@code coords.lat}/{@code coords.lng}; the id is {@code id}; {@code opening_hours} (OSM
 * syntax, blank = none) and {@code url} are optional. Shared with the app's integration test.
 */
public final class OtpParkApiReader {

    /** What OTP keeps of one lot. */
    public record OtpLot(String id, String name, boolean closed, Integer capacity, Integer free, double lat, double lon,
                         String openingHours, String detailsUrl) {
    }

    private OtpParkApiReader() {
    }

    public static Map<String, OtpLot> read(String json) throws Exception {
        JsonNode root = new ObjectMapper().readTree(json);
        Map<String, OtpLot> out = new LinkedHashMap<>();
        for (JsonNode lot : root.path("lots")) {
            String state = lot.get("state").asText(); // NullPointerException without "state", as in OTP
            Integer total = lot.has("total") ? lot.get("total").asInt() : null;
            Integer free = lot.has("free") ? lot.get("free").asInt() : null;
            JsonNode oh = lot.path("opening_hours");
            String id = lot.has("id") ? lot.path("id").asText() : lot.get("name") + "/" + lot.path("coords").path("lng").asDouble();
            out.put(id, new OtpLot(id, lot.path("name").asText(), state.equals("closed"), total, free,
                    lot.path("coords").path("lat").asDouble(), lot.path("coords").path("lng").asDouble(),
                    oh.isMissingNode() || oh.asText().isBlank() ? null : oh.asText(),
                    lot.has("url") ? lot.get("url").asText() : null));
        }
        return out;
    }
}
