package de.parkleit.guidance.service;

import de.parkleit.core.Ids;
import de.parkleit.core.facility.Facility;
import de.parkleit.core.state.FacilityState;
import de.parkleit.platform.http.ApiException;
import de.parkleit.platform.http.RouteContributor;
import de.parkleit.guidance.forecast.ModelForecast;
import de.parkleit.prediction.forecast.Outlook;
import de.parkleit.guidance.Availability;
import de.parkleit.guidance.LiveFacilities;
import de.parkleit.guidance.Prediction;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves {@code GET /api/v1/facilities/{id}/forecast[?minutes=15,30,45,60]}: the facility's predicted free spaces
 * at each time ahead with a 10-90 % band and the probability of a free space, made by the same forecast guidance
 * ranks with ({@code source}: {@code model} or {@code trend}). A facility without fresh data, closed or reserved gets
 * no forecast ({@code forecastSource: none}, empty list). Unknown ids are 404, bad {@code minutes} 400 (problem JSON).
 * Answers on the event loop: a forecast reads a few hundred slots.
 */
public final class ForecastHandler implements RouteContributor {

    public static final String PATH = "/api/v1/facilities/:id/forecast";
    static final List<Integer> DEFAULT_MINUTES = List.of(15, 30, 45, 60);
    static final int MAX_MINUTES = 24 * 60;
    static final int MAX_TIMES = 12;

    private final LiveFacilities live;
    private final ModelForecast forecast;
    private final Clock clock;

    public ForecastHandler(LiveFacilities live, ModelForecast forecast, Clock clock) {
        this.live = live;
        this.forecast = forecast;
        this.clock = clock;
    }

    @Override
    public void mount(Router router) {
        router.get(PATH).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        try {
            List<Integer> minutes = minutes(ctx.request().getParam("minutes"));
            if (id == null || !Ids.isValid(id)) {
                throw ApiException.notFound("no facility with this id");
            }
            Facility f = live.facility(id).orElseThrow(() -> ApiException.notFound("no facility '" + id + "'"));
            ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                    .end(answer(f, minutes).encode());
        } catch (ApiException e) {
            ctx.fail(e);
        }
    }

    JsonObject answer(Facility f, List<Integer> minutes) {
        Instant now = clock.instant();
        Availability a = live.availability(f.id(), now);
        FacilityState s = live.state(f.id());
        JsonArray list = new JsonArray();
        String source = Prediction.NONE;
        if (a == Availability.OPEN && s != null && s.free() != null && s.capacity() > 0) {
            for (int m : minutes) {
                Outlook o = forecast.outlook(f.id(), s, m);
                source = o.source().equals(Prediction.MODEL) || source.equals(Prediction.NONE) ? o.source() : source;
                list.add(new JsonObject().put("minutes", o.minutes()).put("at", o.arrival().toString())
                        .put("expectedFree", o.expectedFree()).put("lowFree", o.lowFree()).put("highFree", o.highFree())
                        .put("probabilityFree", Math.round(o.probabilityFree() * 1000) / 1000.0).put("source", o.source()));
            }
        }
        return new JsonObject().put("facility", f.id()).put("name", f.name()).put("capacity", f.capacity())
                .put("at", now.toString()).put("availability", a.wireName())
                .put("free", a == Availability.OPEN && s != null ? s.free() : null)
                .put("updatedAt", s == null || s.updatedAt() == null ? null : s.updatedAt().toString())
                .put("forecastSource", source).put("forecast", list);
    }

    static List<Integer> minutes(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_MINUTES;
        }
        String[] parts = value.split(",", -1);
        if (parts.length > MAX_TIMES) {
            throw ApiException.invalidParameter("minutes", "'minutes' takes at most " + MAX_TIMES + " values");
        }
        List<Integer> out = new ArrayList<>();
        for (String p : parts) {
            int m;
            try {
                m = Integer.parseInt(p.trim());
            } catch (NumberFormatException e) {
                throw ApiException.invalidParameter("minutes", "'minutes' must be comma-separated whole minutes, e.g. "
                        + "15,30,45,60");
            }
            if (m < 5 || m > MAX_MINUTES) {
                throw ApiException.invalidParameter("minutes", "each of 'minutes' must be between 5 and " + MAX_MINUTES
                        + ", got " + m);
            }
            out.add(m);
        }
        return out;
    }
}
