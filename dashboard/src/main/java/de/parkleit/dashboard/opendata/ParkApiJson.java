package de.parkleit.dashboard.opendata;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.facility.FacilityType;
import de.parkleit.dashboard.live.FacilityJson;
import de.parkleit.core.live.LiveBoard;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The city document of the ParkAPI v1 (ParkenDD) API: {@code last_updated}, {@code last_downloaded},
 * {@code data_source} and {@code lots} with {@code coords}, {@code total}, {@code free},
 * {@code state} ({@code open}, {@code closed}, {@code nodata}). Licence fields are added at top level;
 * ParkAPI clients ignore fields they do not know.
 */
final class ParkApiJson {

    private ParkApiJson() {
    }

    static JsonObject city(LiveBoard view, String city, OpenDataLicence licence, Instant now) {
        JsonArray lots = new JsonArray();
        Instant newest = null;
        for (Facility f : view.facilities()) {
            JsonObject live = FacilityJson.of(view, f.id());
            String status = live.getString("status");
            Integer free = live.getInteger("free");
            String state = "closed".equals(status) || "reserved".equals(status) ? "closed" : free == null ? "nodata" : "open";
            lots.add(new JsonObject()
                    .put("id", f.id())
                    .put("name", f.name())
                    .put("lot_type", lotType(f.type()))
                    .put("address", f.address().replace('\n', ','))
                    .put("coords", new JsonObject().put("lat", f.lat()).put("lng", f.lon()))
                    .put("total", live.getInteger("capacity"))
                    .put("free", free == null ? 0 : free)
                    .put("state", state)
                    .put("forecast", false)
                    .put("region", city));
            String updated = live.getString("updatedAt");
            if (updated != null && (newest == null || Instant.parse(updated).isAfter(newest))) {
                newest = Instant.parse(updated);
            }
        }
        return new JsonObject()
                .put("last_updated", (newest == null ? now : newest).toString())
                .put("last_downloaded", now.toString())
                .put("data_source", "parkleit")
                .put("license", licence.name())
                .put("license_url", licence.url())
                .put("attribution", licence.attributionFor(city))
                .put("lots", lots);
    }

    private static String lotType(FacilityType t) {
        return switch (t) {
            case GARAGE -> "Parkhaus";
            case UNDERGROUND -> "Tiefgarage";
            case LOT -> "Parkplatz";
            case ON_STREET -> "Straße";
            case PARK_AND_RIDE -> "Park-Ride";
            case OTHER -> "Parkplatz";
        };
    }
}
