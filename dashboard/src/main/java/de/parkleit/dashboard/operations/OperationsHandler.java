package de.parkleit.dashboard.operations;

import de.parkleit.core.Ids;
import de.parkleit.core.codec.FacilityOperationCodec;
import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.topic.Topics;
import de.parkleit.dashboard.auth.AuthHandler;
import de.parkleit.dashboard.auth.PlannerUser;
import de.parkleit.core.live.LiveBoard;
import de.parkleit.platform.http.ApiException;
import de.parkleit.platform.mqtt.MqttConnection;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code PUT /api/v1/facilities/{id}/operation} (role operator) with
 * {@code {"status":"closed"|"reserved","reason":"…","until":"2026-12-24T18:00:00Z"}},
 * {@code DELETE} of the same path to lift it, and {@code GET /api/v1/operations} (role planner).
 * The answer comes once the broker has the retained message; the live view follows from the topic.
 */
public final class OperationsHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsHandler.class);
    static final Duration MAX_DURATION = Duration.ofDays(90);

    private final LiveBoard view;
    private final Topics topics;
    private final MqttConnection mqtt;

    public OperationsHandler(LiveBoard view, Topics topics, MqttConnection mqtt) {
        this.view = view;
        this.topics = topics;
        this.mqtt = mqtt;
    }

    public void mount(Router router, AuthHandler auth, Handler<RoutingContext> body) {
        String path = "/api/v1/facilities/:id/operation";
        router.put(path).handler(body).handler(auth.require(PlannerUser.OPERATOR)).handler(this::set);
        router.delete(path).handler(auth.require(PlannerUser.OPERATOR)).handler(this::lift);
        router.get("/api/v1/operations").handler(auth.require(PlannerUser.PLANNER)).handler(this::list);
    }

    private String facilityId(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!Ids.isValid(id) || view.facility(id).isEmpty()) {
            throw ApiException.notFound("no facility with id " + (Ids.isValid(id) ? id : "(invalid)"));
        }
        return id;
    }

    private void set(RoutingContext ctx) {
        String id = facilityId(ctx);
        JsonObject b;
        try {
            b = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            b = null;
        }
        if (b == null) {
            throw ApiException.badRequest("send JSON {\"status\": \"closed\"|\"reserved\", \"reason\": \"…\", \"until\": \"ISO-8601 instant\"}");
        }
        Instant now = view.clock().instant();
        FacilityOperation op = parse(id, b, now, ctx.<AuthHandler.Principal>get(AuthHandler.USER_KEY).name());
        mqtt.publish(topics.facilityOperation(id), FacilityOperationCodec.encode(op), 1, true)
                .onSuccess(v -> {
                    LOG.info("facility {} set {} until {} by {}", id, op.status().wireName(), op.until(), op.by());
                    ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                            .end(FacilityOperationCodec.toJson(op).toString());
                })
                .onFailure(e -> ctx.fail(ApiException.unavailable("the message broker did not take the operation: " + e.getMessage())));
    }

    static FacilityOperation parse(String id, JsonObject b, Instant now, String by) {
        FacilityStatus status = b.getValue("status") instanceof String s ? FacilityStatus.parseOrNull(s) : null;
        if (status != FacilityStatus.CLOSED && status != FacilityStatus.RESERVED) {
            throw ApiException.invalidParameter("status", "status must be \"closed\" or \"reserved\"");
        }
        if (!(b.getValue("reason") instanceof String reason)) {
            throw ApiException.invalidParameter("reason", "reason is required (1.." + FacilityOperation.MAX_REASON + " characters)");
        }
        Instant until;
        try {
            until = Instant.parse(String.valueOf(b.getValue("until")));
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParameter("until", "until must be an ISO-8601 instant like 2026-12-24T18:00:00Z");
        }
        if (!until.isAfter(now) || until.isAfter(now.plus(MAX_DURATION))) {
            throw ApiException.invalidParameter("until", "until must lie in the future, at most " + MAX_DURATION.toDays() + " days ahead");
        }
        try {
            return new FacilityOperation(id, status, reason, until, by, now);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("reason", e.getMessage());
        }
    }

    private void lift(RoutingContext ctx) {
        String id = facilityId(ctx);
        String by = ctx.<AuthHandler.Principal>get(AuthHandler.USER_KEY).name();
        mqtt.publish(topics.facilityOperation(id), new byte[0], 1, true)
                .onSuccess(v -> {
                    LOG.info("facility {} override lifted by {}", id, by);
                    ctx.response().setStatusCode(204).end();
                })
                .onFailure(e -> ctx.fail(ApiException.unavailable("the message broker did not take the change: " + e.getMessage())));
    }

    private void list(RoutingContext ctx) {
        JsonArray a = new JsonArray();
        for (FacilityOperation o : view.operations()) {
            a.add(new JsonObject(FacilityOperationCodec.toJson(o).toString())
                    .put("name", view.facility(o.facilityId()).map(f -> f.name()).orElse(o.facilityId()))
                    .put("active", o.isActiveAt(view.clock().instant())));
        }
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store").end(a.encode());
    }
}
