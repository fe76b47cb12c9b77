package de.parkleit.dashboard.live;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.state.FacilityState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The public JSON of a facility with its live state: the same shape in the API and the push stream. */
public final class FacilityJson {

    private FacilityJson() {
    }

    public static JsonObject of(Facility f, FacilityState s) {
        JsonArray flags = new JsonArray();
        s.flags().stream().sorted().forEach(fl -> flags.add(fl.wireName()));
        int capacity = s.capacity() > 0 ? s.capacity() : f.capacity();
        return new JsonObject()
                .put("id", f.id())
                .put("name", f.name())
                .put("type", f.type().wireName())
                .put("address", f.address())
                .put("lat", f.lat())
                .put("lon", f.lon())
                .put("capacity", capacity)
                .put("free", s.free())
                .put("status", s.status().wireName())
                .put("trend", s.trend().wireName())
                .put("updatedAt", s.updatedAt() == null ? null : s.updatedAt().toString())
                .put("flags", flags);
    }

    /** Every facility of the view with its state, in city order. */
    public static JsonArray all(LiveStateView view) {
        JsonArray a = new JsonArray();
        for (Facility f : view.facilities()) {
            a.add(of(f, view.state(f.id()).orElseThrow()));
        }
        return a;
    }
}
