package de.parkleit.guidance.service;

import de.parkleit.core.guidance.Issued;
import de.parkleit.platform.http.ApiException;
import de.parkleit.platform.http.RouteContributor;
import de.parkleit.routing.graph.GeoPoint;
import de.parkleit.guidance.GuidancePlan;
import de.parkleit.guidance.GuidancePlanner;
import de.parkleit.guidance.GuidanceRequestException;
import de.parkleit.guidance.NoFacilityException;
import de.parkleit.routing.network.OutsideNetworkException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Serves {@code GET /api/v1/guidance?from=lat,lon&to=lat,lon[&arrive=ISO-8601]}: the facilities
 * near {@code to} ranked for a driver starting at {@code from} ({@link GuidanceJson}). The
 * search and the JSON (with the route lines) are done on the worker pool; the recommendation is
 * then handed to {@code onIssued} on the event loop (shared over MQTT, written to the store). Malformed or out-of-range parameters are
 * 400 ({@code invalid-parameter}); an origin off the roads is 422 ({@code outside-network});
 * nothing to recommend is 422 ({@code no-facility}).
 */
public final class GuidanceHandler implements RouteContributor {

    public static final String PATH = "/api/v1/guidance";

    private final WorkerExecutor workers;
    private final GuidancePlanner planner;
    private final Consumer<Issued> onIssued;
    private final MeterRegistry registry;

    public GuidanceHandler(WorkerExecutor workers, GuidancePlanner planner, Consumer<Issued> onIssued, MeterRegistry registry) {
        this.workers = Objects.requireNonNull(workers, "workers");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.onIssued = Objects.requireNonNull(onIssued, "onIssued");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void mount(Router router) {
        router.get(PATH).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        GeoPoint from;
        GeoPoint to;
        Instant arrive;
        try {
            from = position(ctx, "from");
            to = position(ctx, "to");
            arrive = arrive(ctx.request().getParam("arrive"));
        } catch (ApiException e) {
            record(start, "bad_request");
            ctx.fail(e);
            return;
        }
        workers.executeBlocking(() -> answerOf(planner.plan(from, to, arrive)), false)
                .onSuccess(answer -> answer(ctx, answer, start))
                .onFailure(err -> {
                    Throwable api = toApi(err);
                    record(start, api instanceof ApiException a ? a.type() : "error");
                    ctx.fail(api);
                });
    }

    /** A plan with its JSON, built on the worker (the route lines are unpacked there, not on the event loop). */
    private record Answer(Issued issued, String body) {
    }

    private static Answer answerOf(GuidancePlan plan) {
        return new Answer(plan.issued(), GuidanceJson.of(plan).encode());
    }

    private void answer(RoutingContext ctx, Answer answer, long start) {
        try {
            onIssued.accept(answer.issued());
        } finally {
            record(start, "ok");
            ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store").end(answer.body());
        }
    }

    private void record(long start, String outcome) {
        Timer.builder("parkleit.guidance.requests").tag("outcome", outcome)
                .description("guidance requests by outcome, with their duration").register(registry)
                .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    static GeoPoint position(RoutingContext ctx, String name) {
        String value = ctx.request().getParam(name);
        if (value == null || value.isBlank()) {
            throw ApiException.invalidParameter(name, "'" + name + "' is required as lat,lon in degrees");
        }
        String[] parts = value.split(",", -1);
        try {
            if (parts.length != 2) {
                throw new IllegalArgumentException();
            }
            return new GeoPoint(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter(name, "'" + name + "' must be lat,lon with -90 <= lat <= 90 and "
                    + "-180 <= lon <= 180, got '" + shorten(value) + "'");
        }
    }

    static Instant arrive(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParameter("arrive", "'arrive' must be an ISO-8601 time with offset, e.g. "
                    + "2026-11-28T12:00:00Z, got '" + shorten(value) + "'");
        }
    }

    static Throwable toApi(Throwable err) {
        if (err instanceof GuidanceRequestException g) {
            return ApiException.invalidParameter(g.parameter(), g.getMessage());
        }
        if (err instanceof OutsideNetworkException o) {
            return new ApiException(422, "outside-network", "Point outside the road network", o.getMessage());
        }
        if (err instanceof NoFacilityException n) {
            return new ApiException(422, "no-facility", "No facility to recommend", n.getMessage());
        }
        return err;
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
