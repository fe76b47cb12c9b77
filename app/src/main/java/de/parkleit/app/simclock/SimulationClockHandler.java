package de.parkleit.app.simclock;

import de.parkleit.platform.http.ApiException;
import de.parkleit.platform.http.RouteContributor;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code GET /api/v1/sim/clock} tells the node's simulation clock; {@code PUT /api/v1/sim/clock}
 * with {@code {"now":"2026-11-28T11:00:00Z","states":{"P1":"2026-11-28T10:59:58.001Z"}}} moves it
 * and answers once guidance has applied, for every facility listed, a state at least as new as the
 * given time. The simulator lists the readings it published since its last call (it has seen their
 * states come back over MQTT already); guidance hears the same retained topics on its own
 * connection, so without this wait a guidance request could overtake a state that is still on its
 * way. The answer tells how many of the listed states guidance had not applied yet when the request came
 * ({@code lagging}) and how long the wait was ({@code waitedMs}). Mounted only when the node runs with
 * {@code PARKLEIT_CLOCK=simulation}.
 * 400 for a malformed body or an unknown facility, 409 when the time is earlier than the clock,
 * 504 when guidance has not seen the states within {@link #AWAIT_MS}.
 */
public final class SimulationClockHandler implements RouteContributor {

    public static final String PATH = "/api/v1/sim/clock";
    static final long AWAIT_MS = 10_000;
    private static final long POLL_MS = 1;
    private static final int BODY_LIMIT = 256 * 1024;

    private final SimulationClock clock;
    private final Function<String, Optional<Instant>> guidanceStateTime;

    /**
     * @param guidanceStateTime the time of the state guidance holds for a facility (empty while it has none
     *                          with a time); null for an unknown facility
     */
    public SimulationClockHandler(SimulationClock clock, Function<String, Optional<Instant>> guidanceStateTime) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.guidanceStateTime = Objects.requireNonNull(guidanceStateTime, "guidanceStateTime");
    }

    @Override
    public void mount(Router router) {
        router.get(PATH).handler(ctx -> answer(ctx));
        router.put(PATH).handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT)).handler(this::put);
    }

    private void put(RoutingContext ctx) {
        Instant now;
        Map<String, Instant> states;
        try {
            JsonObject body = body(ctx);
            now = instant(body.getValue("now"), "now");
            states = states(body.getValue("states"));
        } catch (ApiException e) {
            ctx.fail(e);
            return;
        }
        try {
            clock.set(now);
        } catch (SimulationClock.BackwardsException e) {
            ctx.fail(new ApiException(409, "clock-backwards", "The simulation clock only moves forward", e.getMessage()));
            return;
        }
        long t0 = System.nanoTime();
        dropSeen(states);
        await(ctx, states, states.size(), t0);
    }

    private void dropSeen(Map<String, Instant> states) {
        states.entrySet().removeIf(e -> guidanceStateTime.apply(e.getKey()).filter(t -> !t.isBefore(e.getValue())).isPresent());
    }

    /** Answers once guidance has every state; {@code lagging} is how many it lacked when the request came. */
    private void await(RoutingContext ctx, Map<String, Instant> states, int lagging, long t0) {
        dropSeen(states);
        if (states.isEmpty()) {
            answer(ctx, lagging, (System.nanoTime() - t0) / 1_000_000);
        } else if (System.nanoTime() - t0 > AWAIT_MS * 1_000_000) {
            ctx.fail(new ApiException(504, "state-not-seen", "Guidance has not seen the states",
                    "guidance did not apply the states of " + states + " within " + AWAIT_MS + " ms"));
        } else {
            ctx.vertx().setTimer(POLL_MS, id -> await(ctx, states, lagging, t0));
        }
    }

    private void answer(RoutingContext ctx) {
        send(ctx, new JsonObject().put("now", clock.instant().toString()));
    }

    private void answer(RoutingContext ctx, int lagging, long waitedMs) {
        send(ctx, new JsonObject().put("now", clock.instant().toString()).put("lagging", lagging).put("waitedMs", waitedMs));
    }

    private static void send(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store").end(body.encode());
    }

    private static JsonObject body(RoutingContext ctx) {
        try {
            JsonObject o = ctx.body().asJsonObject();
            if (o == null) {
                throw ApiException.badRequest("the body must be a JSON object with \"now\"");
            }
            return o;
        } catch (DecodeException | ClassCastException e) {
            throw ApiException.badRequest("the body must be a JSON object with \"now\": " + e.getMessage());
        }
    }

    private Map<String, Instant> states(Object value) {
        Map<String, Instant> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof JsonObject o)) {
            throw ApiException.invalidParameter("states", "'states' must be an object of facility id to ISO-8601 time");
        }
        for (String id : o.fieldNames()) {
            if (guidanceStateTime.apply(id) == null) {
                throw ApiException.invalidParameter("states", "no facility '" + shorten(id) + "' in this city");
            }
            out.put(id, instant(o.getValue(id), "states"));
        }
        return out;
    }

    private static Instant instant(Object value, String name) {
        if (!(value instanceof String s)) {
            throw ApiException.invalidParameter(name, "'" + name + "' must be an ISO-8601 UTC time, e.g. 2026-11-28T11:00:00Z");
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParameter(name, "'" + name + "' must be an ISO-8601 UTC time, got '" + shorten(s) + "'");
        }
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
