package de.parkleit.simulator.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads the Münster open-data export (free spaces per car park, local time) and cleans it:
 * {@code bes} (full) counts as 0 free; {@code ges} (closed), {@code kei} (no data) and values
 * above capacity are dropped; a 0 is kept only right after a nearly full reading (elsewhere it
 * means "not connected") and only in runs of at most 4 hours (longer ones are closed lots); identical non-zero values frozen for 3 hours or more across the
 * daytime are dropped (a stuck feed). Cleaning follows docs/sources.md#data-cleaning.
 */
public final class MuensterSeries {

    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int FROZEN_MINUTES = 180;
    private static final int DAYTIME_OVERLAP_MINUTES = 120;
    /** Longer runs of 0 free are a closed lot reporting 0 (Schlossplatz every night), not a full one. */
    private static final int MAX_FULL_MINUTES = 240;

    /** One cleaned observation: occupied share of capacity at a local time. */
    public record Sample(LocalDateTime local, double occupiedShare) {
    }

    private MuensterSeries() {
    }

    /** Capacities by column name from {@code parking_lots_muenster.csv}. */
    public static Map<String, Integer> capacities(Path lotsCsv) throws IOException {
        Map<String, Integer> caps = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(lotsCsv, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(",", -1));
        int name = header.indexOf("column_name");
        int cap = header.indexOf("capacity_city_2026");
        for (String line : lines.subList(1, lines.size())) {
            String[] p = line.split(",", -1);
            if (p.length > cap && !p[cap].isBlank()) {
                caps.put(p[name], Integer.parseInt(p[cap].trim()));
            }
        }
        return caps;
    }

    /**
     * Reads the series for the named columns and hands each lot's cleaned samples (in time order)
     * to {@code sink}. Rows on or after {@code endExclusive} are skipped.
     */
    public static void read(Path seriesGz, Map<String, Integer> capacities, LocalDateTime endExclusive,
                            BiConsumer<String, List<Sample>> sink) throws IOException {
        Map<String, List<Raw>> raw = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(seriesGz));
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] header = r.readLine().split(",", -1);
            Map<Integer, String> columns = new HashMap<>();
            for (int i = 1; i < header.length; i++) {
                if (capacities.containsKey(header[i])) {
                    columns.put(i, header[i]);
                    raw.put(header[i], new ArrayList<>());
                }
            }
            String line;
            while ((line = r.readLine()) != null) {
                String[] p = line.split(",", -1);
                LocalDateTime t = LocalDateTime.parse(p[0], TS);
                if (!t.isBefore(endExclusive)) {
                    continue;
                }
                columns.forEach((i, name) -> raw.get(name).add(new Raw(t, parseCell(p.length > i ? p[i] : ""))));
            }
        }
        for (var e : raw.entrySet()) {
            sink.accept(e.getKey(), clean(e.getValue(), capacities.get(e.getKey())));
        }
    }

    private record Raw(LocalDateTime t, Integer free) {
    }

    /** Free spaces, 0 for {@code bes}, null for {@code ges}, {@code kei}, blanks and garbage. */
    public static Integer parseCell(String cell) {
        String c = cell.trim();
        if (c.equals("bes")) {
            return 0;
        }
        try {
            return Integer.valueOf(c);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static List<Sample> clean(List<Raw> rows, int capacity) {
        Integer[] free = new Integer[rows.size()];
        Integer lastKept = null;
        LocalDateTime lastKeptAt = null;
        for (int i = 0; i < rows.size(); i++) {
            Integer v = rows.get(i).free();
            if (v != null && (v < 0 || v > capacity)) {
                v = null;
            }
            if (v != null && v == 0) {
                boolean nearFullBefore = lastKept != null && lastKept <= capacity / 10
                        && lastKeptAt.plusMinutes(60).isAfter(rows.get(i).t());
                v = nearFullBefore ? 0 : null;
            }
            free[i] = v;
            if (v != null) {
                lastKept = v;
                lastKeptAt = rows.get(i).t();
            }
        }
        dropFrozenDaytimeRuns(rows, free);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (free[i] != null) {
                out.add(new Sample(rows.get(i).t(), (capacity - free[i]) / (double) capacity));
            }
        }
        return out;
    }

    private static void dropFrozenDaytimeRuns(List<Raw> rows, Integer[] free) {
        int start = 0;
        while (start < rows.size()) {
            int end = start;
            while (end + 1 < rows.size() && free[start] != null && free[start].equals(free[end + 1])) {
                end++;
            }
            LocalDateTime a = rows.get(start).t();
            LocalDateTime b = rows.get(end).t();
            boolean long3h = !a.plusMinutes(FROZEN_MINUTES).isAfter(b);
            boolean frozen = free[start] != null && free[start] != 0 && long3h && daytimeMinutes(a, b) >= DAYTIME_OVERLAP_MINUTES;
            boolean closedAsFull = free[start] != null && free[start] == 0 && a.plusMinutes(MAX_FULL_MINUTES).isBefore(b);
            if (frozen || closedAsFull) {
                for (int i = start; i <= end; i++) {
                    free[i] = null;
                }
            }
            start = end + 1;
        }
    }

    /** Minutes of [a, b] that fall between 09:00 and 18:00 of any day. */
    static long daytimeMinutes(LocalDateTime a, LocalDateTime b) {
        long sum = 0;
        for (var d = a.toLocalDate(); !d.isAfter(b.toLocalDate()); d = d.plusDays(1)) {
            LocalDateTime from = max(a, d.atTime(9, 0));
            LocalDateTime to = min(b, d.atTime(18, 0));
            if (from.isBefore(to)) {
                sum += java.time.Duration.between(from, to).toMinutes();
            }
        }
        return sum;
    }

    private static LocalDateTime max(LocalDateTime x, LocalDateTime y) {
        return x.isAfter(y) ? x : y;
    }

    private static LocalDateTime min(LocalDateTime x, LocalDateTime y) {
        return x.isBefore(y) ? x : y;
    }
}
