package de.parkleit.dashboard.stats;

import de.parkleit.dashboard.auth.AuthHandler;
import de.parkleit.dashboard.auth.PlannerUser;
import de.parkleit.platform.http.ApiException;
import de.parkleit.platform.store.HistoryQueries;
import de.parkleit.platform.store.HourlyCount;
import de.parkleit.platform.store.StoreUnavailableException;
import de.parkleit.platform.store.TimeSeriesStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code GET /api/v1/stats/guidance?from=&to=} (planner): the recommendations guidance issued in
 * [from, to) — per hour, per facility (their spread: count and share) and per hour and facility —
 * from the store's {@code guidance_issued} events. {@code from}/{@code to} are ISO-8601 instants
 * (default: the last 7 days, at most {@value #MAX_DAYS} days); bad values are 400 problem JSON.
 */
public final class GuidanceStatsHandler {

    public static final String PATH = "/api/v1/stats/guidance";
    static final Duration DEFAULT_RANGE = Duration.ofDays(7);
    static final int MAX_DAYS = 366;

    private final TimeSeriesStore store;
    private final Function<String, String> facilityName;
    private final Clock clock;

    /** @param facilityName the display name of a facility id (the id itself for unknown ones) */
    public GuidanceStatsHandler(TimeSeriesStore store, Function<String, String> facilityName, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.facilityName = facilityName;
        this.clock = clock;
    }

    public void mount(Router router, AuthHandler auth) {
        router.get(PATH).handler(auth.require(PlannerUser.PLANNER)).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        Instant to;
        Instant from;
        try {
            to = instant(ctx, "to", clock.instant());
            from = instant(ctx, "from", to.minus(DEFAULT_RANGE));
            if (!from.isBefore(to)) {
                throw ApiException.invalidParameter("from", "from must be before to");
            }
            if (Duration.between(from, to).compareTo(HistoryQueries.MAX_COUNT_RANGE) > 0) {
                throw ApiException.invalidParameter("from", "range from..to must be at most " + MAX_DAYS + " days");
            }
        } catch (ApiException e) {
            ctx.fail(e);
            return;
        }
        ctx.vertx().executeBlocking(() -> store.guidanceIssuedPerHour(from, to), false)
                .onSuccess(counts -> ctx.response().putHeader("Content-Type", "application/json")
                        .putHeader("Cache-Control", "no-store").end(toJson(from, to, counts).encode()))
                .onFailure(e -> ctx.fail(e instanceof StoreUnavailableException || e instanceof UnsupportedOperationException
                        ? ApiException.unavailable("the event store is not available, try again later")
                        : e instanceof IllegalArgumentException ? ApiException.badRequest(e.getMessage()) : e));
    }

    private static Instant instant(RoutingContext ctx, String name, Instant def) {
        List<String> values = ctx.queryParam(name);
        if (values == null || values.isEmpty()) {
            return def;
        }
        if (values.size() > 1 || values.get(0).length() > 64) {
            throw ApiException.invalidParameter(name, name + " must be given once, as an ISO-8601 instant");
        }
        try {
            return Instant.parse(values.get(0));
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParameter(name, name + " must be an ISO-8601 instant like 2026-11-26T12:00:00Z");
        }
    }

    /** The answer: totals per hour (every hour of the range, zeros included) and per facility, and the raw counts. */
    JsonObject toJson(Instant from, Instant to, List<HourlyCount> counts) {
        Map<Instant, Long> perHour = new TreeMap<>();
        Instant first = from.truncatedTo(ChronoUnit.HOURS);
        for (Instant h = first; h.isBefore(to); h = h.plus(Duration.ofHours(1))) {
            perHour.put(h, 0L);
        }
        Map<String, Long> perFacility = new TreeMap<>();
        JsonArray raw = new JsonArray();
        long total = 0;
        for (HourlyCount c : counts) {
            perHour.merge(c.hour(), c.count(), Long::sum);
            perFacility.merge(c.id(), c.count(), Long::sum);
            total += c.count();
            raw.add(new JsonObject().put("hour", c.hour().toString()).put("facility", c.id()).put("count", c.count()));
        }
        JsonArray hours = new JsonArray();
        perHour.forEach((h, n) -> hours.add(new JsonObject().put("hour", h.toString()).put("count", n)));
        long sum = total;
        JsonArray facilities = new JsonArray();
        perFacility.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> facilities.add(new JsonObject().put("facility", e.getKey()).put("name", facilityName.apply(e.getKey()))
                        .put("count", e.getValue()).put("share", Math.round(1000.0 * e.getValue() / sum) / 1000.0)));
        return new JsonObject().put("from", from.toString()).put("to", to.toString()).put("total", total)
                .put("perHour", hours).put("perFacility", facilities).put("counts", raw);
    }
}
