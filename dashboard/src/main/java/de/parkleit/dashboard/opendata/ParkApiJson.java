package de.parkleit.dashboard.opendata;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.facility.FacilityType;
import de.parkleit.dashboard.live.FacilityJson;
import de.parkleit.core.live.LiveBoard;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The city document of the ParkAPI v1 (ParkenDD) API as OpenTripPlanner's {@code park-api} updater
 * reads it: {@code last_updated}, {@code last_downloaded}, {@code data_source} and {@code lots} with
 * {@code id}, {@code name}, {@code coords} ({@code lat}/{@code lng}), {@code total}, {@code state} on
 * every lot ({@code open}, {@code closed}, {@code nodata}), {@code free} only when the count is known
 * and current (OTP takes any {@code free} key, even {@code null}, as a number: a missing count must be a
 * missing key, never 0, which reads as full), {@code opening_hours} (OpenStreetMap syntax) and
 * {@code url} where the facilities file gives them. Licence fields are added at top level; ParkAPI
 * clients ignore fields they do not know.
 */
public final class ParkApiJson {

    private ParkApiJson() {
    }

    public static JsonObject city(LiveBoard view, String city, OpenDataLicence licence, Instant documentTime) {
        JsonArray lots = new JsonArray();
        Instant newest = null;
        for (Facility f : view.facilities()) {
            JsonObject live = FacilityJson.of(view, f.id());
            ExportState st = ExportState.of(live);
            JsonObject lot = new JsonObject()
                    .put("id", f.id())
                    .put("name", f.name())
                    .put("lot_type", lotType(f.type()))
                    .put("address", f.address().replace('\n', ','))
                    .put("coords", new JsonObject().put("lat", f.lat()).put("lng", f.lon()))
                    .put("total", live.getInteger("capacity"))
                    .put("state", st.closed() ? "closed" : st.current() ? "open" : "nodata")
                    .put("forecast", false)
                    .put("region", city);
            if (st.current() && !st.closed()) {
                lot.put("free", st.free());
            }
            if (!f.openingHours().isEmpty()) {
                lot.put("opening_hours", f.openingHours());
            }
            if (!f.url().isEmpty()) {
                lot.put("url", f.url());
            }
            lots.add(lot);
            String updated = live.getString("updatedAt");
            if (updated != null && (newest == null || Instant.parse(updated).isAfter(newest))) {
                newest = Instant.parse(updated);
            }
        }
        return new JsonObject()
                .put("last_updated", (newest == null ? documentTime : newest).toString())
                .put("last_downloaded", documentTime.toString())
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
