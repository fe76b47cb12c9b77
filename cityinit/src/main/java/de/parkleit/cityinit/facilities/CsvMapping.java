package de.parkleit.cityinit.facilities;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which CSV column holds which field: {@code id=…,name=…,capacity=…,lat=…,lon=…} or {@code wkt=…}
 * instead of lat/lon (a {@code POINT(lon lat)}), optional {@code type=…}, {@code address=…},
 * {@code opening_hours=…}. Values are header names.
 */
public record CsvMapping(Map<String, String> columns) {

    static final Set<String> FIELDS = Set.of("id", "name", "capacity", "lat", "lon", "wkt", "type", "address", "opening_hours");

    public CsvMapping {
        columns = Map.copyOf(columns);
        for (String k : columns.keySet()) {
            if (!FIELDS.contains(k)) {
                throw new IllegalArgumentException("--csv-columns: unknown field '" + k + "' (known: " + String.join(", ",
                        FIELDS.stream().sorted().toList()) + ")");
            }
        }
        boolean latLon = columns.containsKey("lat") && columns.containsKey("lon");
        if (latLon == columns.containsKey("wkt")) {
            throw new IllegalArgumentException("--csv-columns needs either lat=…,lon=… or wkt=… for the position");
        }
        if (!columns.containsKey("name") && !columns.containsKey("id")) {
            throw new IllegalArgumentException("--csv-columns needs id=… or name=…");
        }
    }

    /** Parses {@code id=Nr,name=Bezeichnung,capacity=Plaetze,wkt=geom}. */
    public static CsvMapping parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("--csv-columns must be field=column pairs separated by ',', got '" + pair + "'");
            }
            m.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return new CsvMapping(m);
    }
}
