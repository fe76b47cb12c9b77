package de.parkleit.cityinit.facilities;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facilities from a CSV file with a header row, read through a {@link CsvMapping}. Fields may be
 * quoted ({@code "a;b"}, {@code ""} for a quote); a decimal comma in coordinates is accepted. A row
 * that cannot be used is rejected with its line number and the reason.
 */
public final class CsvFacilities {

    private static final Pattern WKT_POINT = Pattern.compile("^\\s*POINT\\s*(?:Z\\s*)?\\(\\s*(\\S+)\\s+(\\S+)(?:\\s+\\S+)?\\s*\\)\\s*$",
            Pattern.CASE_INSENSITIVE);

    private CsvFacilities() {
    }

    public static FacilityList read(Path file, CsvMapping mapping, char separator) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String headerLine = r.readLine();
            if (headerLine == null) {
                throw new IllegalArgumentException(file.getFileName() + " is empty");
            }
            List<String> header = split(headerLine.replace("\uFEFF", ""), separator);
            Map<String, Integer> index = new HashMap<>();
            for (Map.Entry<String, String> e : mapping.columns().entrySet()) {
                int i = header.indexOf(e.getValue());
                if (i < 0) {
                    throw new IllegalArgumentException(file.getFileName() + ": no column '" + e.getValue() + "' for " + e.getKey()
                            + " (columns: " + String.join(", ", header) + "; separator '" + separator + "')");
                }
                index.put(e.getKey(), i);
            }
            List<ImportedFacility> out = new ArrayList<>();
            List<String> rejected = new ArrayList<>();
            FacilityIds ids = new FacilityIds();
            int line = 1;
            int rows = 0;
            for (String text = r.readLine(); text != null; text = r.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                rows++;
                try {
                    out.add(row(split(text, separator), index, ids, line));
                } catch (IllegalArgumentException e) {
                    rejected.add("line " + line + ": " + e.getMessage());
                }
            }
            return new FacilityList(file.getFileName() + " (csv)", out, rejected, rows);
        }
    }

    private static ImportedFacility row(List<String> cells, Map<String, Integer> index, FacilityIds ids, int line) {
        String id = cell(cells, index, "id");
        String name = cell(cells, index, "name");
        double lat;
        double lon;
        String wkt = cell(cells, index, "wkt");
        if (index.containsKey("wkt")) {
            Matcher m = WKT_POINT.matcher(wkt == null ? "" : wkt);
            if (!m.matches()) {
                throw new IllegalArgumentException("wkt must be POINT(lon lat), got '" + wkt + "'");
            }
            lon = number(m.group(1), "wkt longitude");
            lat = number(m.group(2), "wkt latitude");
        } else {
            lat = number(cell(cells, index, "lat"), "lat");
            lon = number(cell(cells, index, "lon"), "lon");
        }
        String cap = cell(cells, index, "capacity");
        Integer capacity = null;
        if (cap != null && !cap.isBlank()) {
            try {
                capacity = Integer.parseInt(cap.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("capacity must be a whole number, got '" + cap + "'");
            }
        }
        String displayName = name != null && !name.isBlank() ? name : id;
        return new ImportedFacility(ids.next(id, "csv-" + line), displayName, FacilityTypes.guess(cell(cells, index, "type"), displayName),
                lat, lon, capacity, blankToNull(cell(cells, index, "opening_hours")), cell(cells, index, "address"), "csv line " + line, 0);
    }

    private static String cell(List<String> cells, Map<String, Integer> index, String field) {
        Integer i = index.get(field);
        return i == null || i >= cells.size() ? null : cells.get(i).trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static double number(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        try {
            return Double.parseDouble(s.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, got '" + s + "'");
        }
    }

    /** One CSV record (RFC 4180 quoting, one line). */
    static List<String> split(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == sep) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

}
