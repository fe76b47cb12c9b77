package de.parkleit.dashboard.live;

import de.parkleit.core.live.LiveBoard;
import de.parkleit.core.facility.Facility;
import de.parkleit.core.live.AvailabilityLevel;
import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.core.state.FacilityState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * The public JSON of a facility with its live state: the same shape in the API and the push stream.
 * An operator override in force replaces the status and is shown with its reason and end.
 * {@code level} is the {@link AvailabilityLevel} decided here, once, for the browser to show.
 */
public final class FacilityJson {

    private FacilityJson() {
    }

    public static JsonObject of(Facility f, FacilityState s, Optional<FacilityOperation> op) {
        JsonArray flags = new JsonArray();
        s.flags().stream().sorted().forEach(fl -> flags.add(fl.wireName()));
        int capacity = s.capacity() > 0 ? s.capacity() : f.capacity();
        JsonObject o = new JsonObject()
                .put("id", f.id())
                .put("name", f.name())
                .put("type", f.type().wireName())
                .put("address", f.address())
                .put("lat", f.lat())
                .put("lon", f.lon())
                .put("capacity", capacity)
                .put("free", s.free())
                .put("status", op.map(x -> x.status().wireName()).orElse(s.status().wireName()))
                .put("trend", s.trend().wireName())
                .put("updatedAt", s.updatedAt() == null ? null : s.updatedAt().toString())
                .put("flags", flags)
                .put("level", AvailabilityLevel.of(s, op.orElse(null), capacity).wireName());
        op.ifPresent(x -> o.put("operation", new JsonObject().put("status", x.status().wireName())
                .put("reason", x.reason()).put("until", x.until().toString())));
        return o;
    }

    /** One facility of the view; the view must have it. */
    public static JsonObject of(LiveBoard view, String id) {
        return of(view.facility(id).orElseThrow(), view.state(id).orElseThrow(), view.activeOperation(id));
    }

    /** Every facility of the view with its state, in city order. */
    public static JsonArray all(LiveBoard view) {
        JsonArray a = new JsonArray();
        for (Facility f : view.facilities()) {
            a.add(of(view, f.id()));
        }
        return a;
    }
}
