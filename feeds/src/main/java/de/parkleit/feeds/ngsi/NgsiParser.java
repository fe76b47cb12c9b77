package de.parkleit.feeds.ngsi;

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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * FIWARE NGSI-v2 {@code OffStreetParking} entities (normalized representation: each attribute is
 * {@code {type, value, metadata}}), as a JSON array — Heidelberg's parking API. Reads
 * {@code availableSpotNumber}, {@code totalSpotNumber}, {@code status}, {@code name},
 * {@code location} (GeoJSON point) or {@code lat}/{@code lon}, and the time from
 * {@code dateModified}, else {@code observationDateTime}, else {@code dateObserved}.
 * Entities of other types are skipped.
 */
public final class NgsiParser implements FeedParser {

    @Override
    public FeedSnapshot parse(InputStream in) throws FeedFormatException {
        List<FeedSite> sites = new ArrayList<>();
        List<FeedProblem> problems = new ArrayList<>();
        try (JsonParser p = Json.parser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new FeedFormatException(Reasons.MALFORMED, "empty NGSI payload");
            }
            if (t != JsonToken.START_ARRAY) {
                throw new FeedFormatException(Reasons.WRONG_FORMAT, "NGSI-v2 entity list must be a JSON array, got " + t);
            }
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    throw new FeedFormatException(Reasons.WRONG_FORMAT, "NGSI-v2 entity must be an object, got " + t);
                }
                entity(p, sites, problems);
            }
            if (p.nextToken() != null) {
                throw new FeedFormatException(Reasons.MALFORMED, "trailing content after the NGSI entity array");
            }
        } catch (IOException e) {
            throw Json.failure(e, "NGSI");
        }
        return new FeedSnapshot(sites, problems);
    }

    private static void entity(JsonParser p, List<FeedSite> sites, List<FeedProblem> problems) throws IOException {
        String id = null;
        String type = null;
        Map<String, String> v = new HashMap<>();
        Double[] point = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "id" -> id = Json.scalar(p);
                case "type" -> type = Json.scalar(p);
                case "location" -> point = location(p);
                case "availableSpotNumber", "totalSpotNumber", "status", "name", "lat", "lon",
                     "dateModified", "observationDateTime", "dateObserved", "parking_type", "openingHours", "closingHours",
                     "website", "url" -> v.put(f, attributeValue(p));
                case "category" -> v.put(f, String.join(",", attributeValues(p)));
                default -> p.skipChildren();
            }
        }
        if (type != null && !type.equals("OffStreetParking")) {
            return;
        }
        if (id == null || id.isBlank()) {
            problems.add(new FeedProblem(Reasons.MISSING_FIELD, null, "NGSI entity without id"));
            return;
        }
        try {
            String time = firstNonNull(v.get("dateModified"), v.get("observationDateTime"), v.get("dateObserved"));
            Double lat = point != null ? point[1] : Json.dbl(v.get("lat"));
            Double lon = point != null ? point[0] : Json.dbl(v.get("lon"));
            sites.add(new FeedSite(id, v.get("name"), Json.integer(v.get("totalSpotNumber")),
                    Json.integer(v.get("availableSpotNumber")), status(v.get("status")),
                    time == null ? null : Instant.parse(time), lat, lon, type(v.get("parking_type"), v.get("category")),
                    hours(v.get("openingHours"), v.get("closingHours")), firstNonNull(v.get("website"), v.get("url"))));
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            problems.add(new FeedProblem(Reasons.BAD_VALUE, id, "unreadable value: " + e.getMessage()));
        }
    }

    /** The {@code value} of a normalized attribute object (or a bare key-value scalar). */
    private static String attributeValue(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return Json.scalar(p);
        }
        String value = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            if (f.equals("value")) {
                value = Json.scalar(p);
            } else {
                p.skipChildren();
            }
        }
        return value;
    }

    /** The {@code value} of an attribute that may be a list (FIWARE {@code category}), as strings. */
    private static List<String> attributeValues(JsonParser p) throws IOException {
        List<String> out = new ArrayList<>();
        if (p.currentToken() == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                String s = Json.scalar(p);
                if (s != null) {
                    out.add(s);
                }
            }
            return out;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            String s = Json.scalar(p);
            if (s != null) {
                out.add(s);
            }
            return out;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            if (f.equals("value")) {
                out.addAll(attributeValues(p));
            } else {
                p.skipChildren();
            }
        }
        return out;
    }

    /**
     * Heidelberg's {@code parking_type} ({@code Parking Garage}, {@code Park and Ride Car Park}), else the FIWARE
     * data model's {@code category} list ({@code underground}, {@code garage}, {@code parkingGarage},
     * {@code multiStorey}, {@code parkingLot}, {@code onStreet}); null if neither names a type.
     */
    static FacilityType type(String parkingType, String category) {
        String t = parkingType == null ? "" : parkingType.toLowerCase(Locale.ROOT);
        if (t.contains("park and ride") || t.contains("p+r")) {
            return FacilityType.PARK_AND_RIDE;
        }
        if (t.contains("underground") || t.contains("tiefgarage")) {
            return FacilityType.UNDERGROUND;
        }
        if (t.contains("garage") || t.contains("parkhaus")) {
            return FacilityType.GARAGE;
        }
        if (t.contains("lot") || t.contains("parkplatz")) {
            return FacilityType.LOT;
        }
        String c = category == null ? "" : category.toLowerCase(Locale.ROOT);
        if (c.contains("parkandride")) {
            return FacilityType.PARK_AND_RIDE;
        }
        if (c.contains("underground")) {
            return FacilityType.UNDERGROUND;
        }
        if (c.contains("garage") || c.contains("multistorey")) {
            return FacilityType.GARAGE;
        }
        if (c.contains("onstreet")) {
            return FacilityType.ON_STREET;
        }
        if (c.contains("parkinglot") || c.contains("openspace")) {
            return FacilityType.LOT;
        }
        return null;
    }

    /**
     * Heidelberg's daily {@code openingHours} / {@code closingHours} ({@code 06:00} / {@code 22:00}, {@code 00:00} /
     * {@code 00:00} for always open), or an {@code openingHours} already in OSM / schema.org form ({@code Mo-Fr 08:00-20:00}).
     */
    static String hours(String opening, String closing) {
        if (opening == null || opening.isBlank()) {
            return null;
        }
        String daily = FeedSite.dailyHours(opening, closing);
        if (daily != null) {
            return daily;
        }
        String o = opening.trim();
        return o.matches(".*\\d{2}:\\d{2}-\\d{2}:\\d{2}.*") || o.equals("24/7") ? o : null;
    }

    /** {@code location: {type: geo:json, value: {type: Point, coordinates: [lon, lat]}}} → [lon, lat]. */
    private static Double[] location(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        Double[] out = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            if (f.equals("value") && p.currentToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String g = p.currentName();
                    p.nextToken();
                    if (g.equals("coordinates") && p.currentToken() == JsonToken.START_ARRAY) {
                        List<Double> c = new ArrayList<>();
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (p.currentToken().isNumeric()) {
                                c.add(p.getDoubleValue());
                            } else {
                                p.skipChildren();
                            }
                        }
                        if (c.size() >= 2) {
                            out = new Double[] {c.get(0), c.get(1)};
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        return out;
    }

    /**
     * NGSI data-model values (open, closed, full, almostFull, ...) and Heidelberg's German ones
     * (Offen, Geschlossen, Stoerung); anything else, e.g. Heidelberg's "Stoerung" (fault) or "0", is UNKNOWN.
     */
    static FacilityStatus status(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "open", "offen", "full", "almostfull", "spacesavailable" -> FacilityStatus.OPEN;
            case "closed", "geschlossen" -> FacilityStatus.CLOSED;
            default -> FacilityStatus.UNKNOWN;
        };
    }

    private static String firstNonNull(String... s) {
        for (String x : s) {
            if (x != null) {
                return x;
            }
        }
        return null;
    }
}
