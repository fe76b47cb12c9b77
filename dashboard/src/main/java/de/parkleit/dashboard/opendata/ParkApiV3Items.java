package de.parkleit.dashboard.opendata;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.facility.FacilityType;
import de.parkleit.core.live.LiveBoard;
import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.dashboard.live.FacilityJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The city's facilities as ParkAPI v3 parking-site inputs (field names of {@code parkapi-sources-v3}'s
 * {@code StaticParkingSiteInput} and {@code RealtimeParkingSiteInput}): {@code uid}, {@code name},
 * {@code purpose} {@code CAR}, {@code type} ({@code CAR_PARK}, {@code UNDERGROUND},
 * {@code OFF_STREET_PARKING_GROUND}, {@code ON_STREET}, {@code OTHER}), {@code lat}, {@code lon},
 * {@code capacity}, {@code has_realtime_data}, {@code static_data_updated_at}, and where known
 * {@code address}, {@code public_url}, {@code opening_hours}, {@code park_and_ride_type}. Once a reading
 * has arrived or an operator override is in force: {@code realtime_data_updated_at} (the newer of the two), {@code realtime_opening_status} ({@code OPEN},
 * {@code CLOSED} also for an operator closure, {@code UNKNOWN} without current data),
 * {@code realtime_capacity}, and {@code realtime_free_capacity} only while the count is current and the
 * site open. Times in whole seconds (the hub discards milliseconds).
 */
final class ParkApiV3Items {

    private ParkApiV3Items() {
    }

    /** uid → item, in city order. */
    static Map<String, JsonObject> all(LiveBoard board, Instant staticDataUpdatedAt) {
        Map<String, JsonObject> out = new LinkedHashMap<>();
        for (Facility f : board.facilities()) {
            Instant closedAt = board.activeOperation(f.id()).map(FacilityOperation::at).orElse(null);
            out.put(f.id(), item(f, FacilityJson.of(board, f.id()), staticDataUpdatedAt, closedAt));
        }
        return out;
    }

    /** @param overrideAt when the operator override in force was set, or null */
    static JsonObject item(Facility f, JsonObject live, Instant staticDataUpdatedAt, Instant overrideAt) {
        JsonObject o = new JsonObject()
                .put("uid", f.id())
                .put("name", f.name())
                .put("purpose", "CAR")
                .put("type", type(f.type()))
                .put("lat", f.lat())
                .put("lon", f.lon())
                .put("capacity", f.capacity())
                .put("has_realtime_data", true)
                .put("static_data_updated_at", seconds(staticDataUpdatedAt));
        if (!f.address().isEmpty()) {
            o.put("address", f.address().replace('\n', ','));
        }
        if (!f.url().isEmpty()) {
            o.put("public_url", f.url());
        }
        if (!f.openingHours().isEmpty()) {
            o.put("opening_hours", f.openingHours());
        }
        if (f.type() == FacilityType.PARK_AND_RIDE) {
            o.put("park_and_ride_type", new JsonArray().add("YES"));
        }
        String updated = live.getString("updatedAt");
        Instant realtimeAt = updated == null ? null : Instant.parse(updated);
        if (overrideAt != null && (realtimeAt == null || overrideAt.isAfter(realtimeAt))) {
            realtimeAt = overrideAt; // an operator closure is realtime data of its own, sensors or not
        }
        if (realtimeAt != null) {
            ExportState st = ExportState.of(live);
            o.put("realtime_data_updated_at", seconds(realtimeAt))
                    .put("realtime_opening_status", st.closed() ? "CLOSED" : st.current() && st.knownOpen() ? "OPEN" : "UNKNOWN")
                    .put("realtime_capacity", live.getInteger("capacity"));
            if (st.current() && !st.closed()) {
                o.put("realtime_free_capacity", Math.max(0, st.free()));
            }
        }
        return o;
    }

    private static String seconds(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String type(FacilityType t) {
        return switch (t) {
            case GARAGE -> "CAR_PARK";
            case UNDERGROUND -> "UNDERGROUND";
            case LOT, PARK_AND_RIDE -> "OFF_STREET_PARKING_GROUND";
            case ON_STREET -> "ON_STREET";
            case OTHER -> "OTHER";
        };
    }
}
