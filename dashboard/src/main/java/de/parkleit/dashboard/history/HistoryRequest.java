package de.parkleit.dashboard.history;

import de.parkleit.platform.http.ApiException;
import de.parkleit.platform.store.HistoryWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The checked parameters of {@code GET /api/v1/facilities/{id}/history} (and of a detector's
 * history): the id must be a known facility or detector (else 404), {@code from}/{@code to} ISO-8601 instants (default: the last 24 hours),
 * {@code step} one of {@link HistoryWindow#stepNames()} (default 5m); bad values are 400 problems
 * naming the parameter. Nothing from the request reaches the store unchecked.
 */
record HistoryRequest(String id, HistoryWindow window) {

    /** The checked parameters of a detector's history; the same rules, "no detector" for unknown ids. */
    static HistoryRequest parseDetector(String id, Set<String> knownDetectors, Function<String, List<String>> param, Instant now) {
        if (id == null || !knownDetectors.contains(id)) {
            throw ApiException.notFound("no detector with this id");
        }
        return parse(id, knownDetectors, param, now);
    }

    static final Duration DEFAULT_RANGE = Duration.ofHours(24);
    static final String DEFAULT_STEP = "5m";
    private static final int MAX_PARAM_LENGTH = 64;

    /** Parses and checks; {@code param} returns all values of a query parameter. */
    static HistoryRequest parse(String id, Set<String> knownFacilities, Function<String, List<String>> param, Instant now) {
        if (id == null || !knownFacilities.contains(id)) {
            throw ApiException.notFound("no facility with this id");
        }
        Duration step = step(single(param, "step"));
        Instant to = instant("to", single(param, "to"), now);
        Instant from = instant("from", single(param, "from"), to.minus(DEFAULT_RANGE));
        if (!from.isBefore(to)) {
            throw ApiException.invalidParameter("from", "from must be before to");
        }
        try {
            return new HistoryRequest(id, new HistoryWindow(from, to, step));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter(e.getMessage().contains("buckets") ? "step" : "from", e.getMessage());
        }
    }

    private static String single(Function<String, List<String>> param, String name) {
        List<String> values = param.apply(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ApiException.invalidParameter(name, name + " must be given at most once");
        }
        String v = values.get(0);
        if (v.length() > MAX_PARAM_LENGTH) {
            throw ApiException.invalidParameter(name, name + " is too long");
        }
        return v;
    }

    private static Duration step(String v) {
        try {
            return HistoryWindow.parseStep(v == null ? DEFAULT_STEP : v);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("step", e.getMessage());
        }
    }

    private static Instant instant(String name, String v, Instant def) {
        if (v == null) {
            return def;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParameter(name, name + " must be an ISO-8601 instant like 2026-11-26T12:00:00Z");
        }
    }
}
