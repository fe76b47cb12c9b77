package de.parkleit.feeds.parkapi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import de.parkleit.core.facility.FacilityType;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.feeds.FeedFormatException;
import de.parkleit.feeds.FeedParser;
import de.parkleit.feeds.FeedProblem;
import de.parkleit.feeds.FeedSite;
import de.parkleit.feeds.FeedSnapshot;
import de.parkleit.feeds.Json;
import de.parkleit.feeds.Reasons;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ParkAPI v3 public API, {@code GET /api/public/v3/parking-sites}: {@code {"items": [ParkingSite, ...]}}
 * with {@code id}, {@code original_uid}, {@code name}, {@code lat}/{@code lon} (decimal strings or
 * numbers), {@code capacity}, {@code realtime_capacity}, {@code realtime_free_capacity},
 * {@code realtime_opening_status} (OPEN, CLOSED, UNKNOWN) and {@code realtime_data_updated_at}.
 * The site id used for mapping is {@code original_uid} (the publisher's own id) when present, else
 * ParkAPI's numeric {@code id}. Field names follow ParkenDD/parkapi-sources-v3
 * ({@code RealtimeParkingSiteInput}, {@code StaticParkingSiteInput}).
 */
public final class ParkApiV3Parser implements FeedParser {

    @Override
    public FeedSnapshot parse(InputStream in) throws FeedFormatException {
        List<FeedSite> sites = new ArrayList<>();
        List<FeedProblem> problems = new ArrayList<>();
        boolean items = false;
        try (JsonParser p = Json.parser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new FeedFormatException(Reasons.MALFORMED, "empty ParkAPI payload");
            }
            if (t != JsonToken.START_OBJECT) {
                throw new FeedFormatException(Reasons.WRONG_FORMAT, "ParkAPI v3 list must be an object with items, got " + t);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("items") && p.currentToken() == JsonToken.START_ARRAY) {
                    items = true;
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (t != JsonToken.START_OBJECT) {
                            throw new FeedFormatException(Reasons.WRONG_FORMAT, "ParkAPI item must be an object, got " + t);
                        }
                        item(p, sites, problems);
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new FeedFormatException(Reasons.MALFORMED, "trailing content after the ParkAPI object");
            }
        } catch (IOException e) {
            throw Json.failure(e, "ParkAPI");
        }
        if (!items) {
            throw new FeedFormatException(Reasons.WRONG_FORMAT, "ParkAPI v3 payload has no items array");
        }
        return new FeedSnapshot(sites, problems);
    }

    private static void item(JsonParser p, List<FeedSite> sites, List<FeedProblem> problems) throws IOException {
        Map<String, String> v = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            v.put(f, Json.scalar(p));
        }
        String id = v.get("original_uid") != null ? v.get("original_uid") : v.get("id");
        if (id == null || id.isBlank()) {
            problems.add(new FeedProblem(Reasons.MISSING_FIELD, null, "ParkAPI item without id / original_uid"));
            return;
        }
        try {
            Integer cap = Json.integer(v.get("realtime_capacity"));
            if (cap == null) {
                cap = Json.integer(v.get("capacity"));
            }
            String ts = v.get("realtime_data_updated_at");
            sites.add(new FeedSite(id, v.get("name"), cap, Json.integer(v.get("realtime_free_capacity")),
                    status(v.get("realtime_opening_status")),
                    ts == null ? null : OffsetDateTime.parse(ts).toInstant(),
                    Json.dbl(v.get("lat")), Json.dbl(v.get("lon")), type(v.get("type")), blankToNull(v.get("opening_hours")),
                    blankToNull(v.get("public_url"))));
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            problems.add(new FeedProblem(Reasons.BAD_VALUE, id, "unreadable value: " + e.getMessage()));
        }
    }

    /** ParkAPI v3 {@code ParkingSiteType}: CAR_PARK, UNDERGROUND, OFF_STREET_PARKING_GROUND, ON_STREET, … */
    static FacilityType type(String s) {
        if (s == null) {
            return null;
        }
        return switch (s) {
            case "CAR_PARK" -> FacilityType.GARAGE;
            case "UNDERGROUND" -> FacilityType.UNDERGROUND;
            case "OFF_STREET_PARKING_GROUND" -> FacilityType.LOT;
            case "ON_STREET" -> FacilityType.ON_STREET;
            case "PARK_AND_RIDE" -> FacilityType.PARK_AND_RIDE;
            default -> FacilityType.OTHER;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static FacilityStatus status(String s) {
        if (s == null) {
            return null;
        }
        return switch (s) {
            case "OPEN" -> FacilityStatus.OPEN;
            case "CLOSED" -> FacilityStatus.CLOSED;
            default -> FacilityStatus.UNKNOWN;
        };
    }
}
