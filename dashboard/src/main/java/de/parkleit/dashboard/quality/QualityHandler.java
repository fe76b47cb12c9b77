package de.parkleit.dashboard.quality;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.dashboard.auth.AuthHandler;
import de.parkleit.dashboard.auth.PlannerUser;
import de.parkleit.core.live.LiveBoard;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/v1/quality} (planner): each facility whose data needs a look (stale, never
 * reported, quality flags), counts per flag, and rejected readings by reason.
 */
public final class QualityHandler {

    private final LiveBoard view;
    private final DeadLetterLog deadLetters;

    public QualityHandler(LiveBoard view, DeadLetterLog deadLetters) {
        this.view = view;
        this.deadLetters = deadLetters;
    }

    public void mount(Router router, AuthHandler auth) {
        router.get("/api/v1/quality").handler(auth.require(PlannerUser.PLANNER)).handler(this::quality);
    }

    private void quality(RoutingContext ctx) {
        Instant now = view.clock().instant();
        JsonArray facilities = new JsonArray();
        Map<String, Integer> flagCounts = new TreeMap<>();
        for (Facility f : view.facilities()) {
            FacilityState s = view.state(f.id()).orElseThrow();
            s.flags().forEach(fl -> flagCounts.merge(fl.wireName(), 1, Integer::sum));
            boolean never = s.updatedAt() == null;
            if (never || !s.flags().isEmpty() || s.status() == FacilityStatus.UNKNOWN) {
                JsonArray flags = new JsonArray();
                s.flags().stream().sorted().forEach(fl -> flags.add(fl.wireName()));
                facilities.add(new JsonObject().put("id", f.id()).put("name", f.name()).put("status", s.status().wireName())
                        .put("flags", flags).put("updatedAt", never ? null : s.updatedAt().toString())
                        .put("ageSeconds", never ? null : Duration.between(s.updatedAt(), now).toSeconds()));
            }
        }
        JsonObject byReason = new JsonObject();
        deadLetters.byReason().forEach(byReason::put);
        JsonArray recent = new JsonArray();
        deadLetters.recent().forEach(e -> recent.add(new JsonObject().put("at", e.at().toString()).put("reason", e.reason())
                .put("topic", e.topic()).put("detail", e.detail()).put("payload", e.payload())));
        JsonObject counts = new JsonObject();
        flagCounts.forEach(counts::put);
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("generatedAt", now.toString()).put("facilities", facilities).put("flagCounts", counts)
                        .put("deadLetters", new JsonObject().put("since", deadLetters.since().toString())
                                .put("byReason", byReason).put("recent", recent)).encode());
    }
}
