package de.parkleit.routing.osm;

import java.util.Locale;
import java.util.Map;

/**
 * Parses OSM speed limits: numbers ({@code 50}, {@code 30 mph}, {@code 10 knots}), {@code walk},
 * {@code none} and the German implicit limits ({@code DE:urban}, {@code DE:rural},
 * {@code DE:zone30}, {@code DE:zone:30}, {@code DE:living_street}, {@code DE:bicycle_road},
 * {@code DE:motorway}), as used in {@code maxspeed}, {@code zone:maxspeed}, {@code maxspeed:type}
 * and {@code source:maxspeed}.
 */
public final class MaxSpeed {

    /** "No limit" on a German motorway is driven at the advisory speed (Richtgeschwindigkeit). */
    public static final double NO_LIMIT_KMH = 130;
    static final double WALK_KMH = 7;
    private static final String[] ZONE_KEYS = {"zone:maxspeed", "maxspeed:type", "source:maxspeed", "zone:traffic"};

    private MaxSpeed() {
    }

    /** The limit in km/h for one value, or NaN when the value says nothing usable. */
    public static double parse(String value) {
        if (value == null || value.isBlank()) {
            return Double.NaN;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        int semi = v.indexOf(';');
        if (semi > 0) {
            v = v.substring(0, semi).trim();
        }
        double implicit = implicitLimit(v);
        if (!Double.isNaN(implicit)) {
            return implicit;
        }
        double factor = 1;
        if (v.endsWith("mph")) {
            factor = 1.609344;
            v = v.substring(0, v.length() - 3).trim();
        } else if (v.endsWith("knots")) {
            factor = 1.852;
            v = v.substring(0, v.length() - 5).trim();
        } else if (v.endsWith("km/h") || v.endsWith("kmh")) {
            v = v.substring(0, v.length() - (v.endsWith("km/h") ? 4 : 3)).trim();
        }
        try {
            double n = Double.parseDouble(v) * factor;
            return n > 0 && n < 400 ? n : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double implicitLimit(String v) {
        switch (v) {
            case "none", "signals", "de:motorway", "de:autobahn":
                return v.equals("signals") ? Double.NaN : NO_LIMIT_KMH;
            case "walk", "de:walk", "de:living_street":
                return WALK_KMH;
            case "de:urban", "de:urban_street":
                return 50;
            case "de:rural":
                return 100;
            case "de:bicycle_road", "de:cyclestreet":
                return 30;
            default:
                break;
        }
        String zone = v.startsWith("de:zone:") ? v.substring(8) : v.startsWith("de:zone") ? v.substring(7)
                : v.startsWith("de:") ? v.substring(3) : null;
        if (zone == null) {
            return Double.NaN;
        }
        try {
            double n = Double.parseDouble(zone);
            return n > 0 && n < 200 ? n : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * The limit for one direction: {@code maxspeed:forward|backward}, else {@code maxspeed}, else
     * the zone tags, else NaN.
     */
    public static double of(Map<String, String> tags, boolean forward) {
        double directed = parse(tags.get(forward ? "maxspeed:forward" : "maxspeed:backward"));
        if (!Double.isNaN(directed)) {
            return directed;
        }
        double plain = parse(tags.get("maxspeed"));
        if (!Double.isNaN(plain)) {
            return plain;
        }
        for (String key : ZONE_KEYS) {
            double zone = parse(tags.get(key));
            if (!Double.isNaN(zone)) {
                return zone;
            }
        }
        return Double.NaN;
    }
}
