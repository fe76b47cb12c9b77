package de.parkleit.simulator.replay;

import de.parkleit.core.city.City;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.simulator.profile.MuensterSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads the Münster exports for a window of data time and maps them. Occupancy cells: an integer
 * is free spaces (scaled to the target's capacity; values above capacity are skipped, and a 0
 * counts only right after a nearly full value, elsewhere it means "not connected"); {@code bes}
 * is full; {@code ges} is closed; {@code kei} is no data (nothing sent). Detector counts exist for
 * November 2016 only: each replayed day takes the counts of the same weekday in the weeks of
 * 7–27 November 2016, each hour sent at its end with a 3,600 s interval.
 */
public final class MuensterReplaySource {

    static final String OCCUPANCY = "parking_free_muenster_2024-01_to_2024-10.csv.gz";
    static final String LOTS = "parking_lots_muenster.csv";
    static final String TRAFFIC = "traffic_counts_kfz_muenster_2016-11.csv.gz";
    static final LocalDate TRAFFIC_MONDAY = LocalDate.of(2016, 11, 7);
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private MuensterReplaySource() {
    }

    /** Items in [from, to) of data time, in time order. */
    public static List<ReplayItem> load(Path dir, ReplayMapping mapping, City city, LocalDateTime from, LocalDateTime to) throws IOException {
        List<ReplayItem> items = new ArrayList<>(occupancy(dir, mapping, city, from, to));
        if (!mapping.detectors().isEmpty()) {
            items.addAll(traffic(dir.resolve(TRAFFIC), mapping, from, to));
        }
        items.sort(Comparator.comparing(ReplayItem::dataTime));
        return items;
    }

    private static List<ReplayItem> occupancy(Path dir, ReplayMapping mapping, City city, LocalDateTime from, LocalDateTime to)
            throws IOException {
        Map<String, Integer> caps = MuensterSeries.capacities(dir.resolve(LOTS));
        List<ReplayItem> out = new ArrayList<>();
        Map<String, Integer> last = new HashMap<>();
        try (BufferedReader r = gz(dir.resolve(OCCUPANCY))) {
            String[] header = r.readLine().split(",", -1);
            String line;
            while ((line = r.readLine()) != null) {
                String[] p = line.split(",", -1);
                LocalDateTime t = LocalDateTime.parse(p[0], TS);
                if (!t.isBefore(to)) {
                    break;
                }
                for (int i = 1; i < header.length && i < p.length; i++) {
                    String target = mapping.facilities().get(header[i]);
                    if (target != null && caps.containsKey(header[i])) {
                        ReplayItem item = cell(t, p[i].trim(), caps.get(header[i]), city.facility(target).orElseThrow().capacity(),
                                target, last, header[i]);
                        if (item != null && !t.isBefore(from)) {
                            out.add(item);
                        }
                    }
                }
            }
        }
        return out;
    }

    static ReplayItem cell(LocalDateTime t, String cell, int sourceCap, int targetCap, String target, Map<String, Integer> last, String key) {
        if (cell.equals("ges")) {
            return new ReplayItem(t, target, 0, targetCap, FacilityStatus.CLOSED, 0);
        }
        Integer free = MuensterSeries.parseCell(cell);
        if (free == null || free < 0 || free > sourceCap) {
            return null;
        }
        Integer before = last.get(key);
        if (free == 0 && !cell.equals("bes") && (before == null || before > sourceCap / 10)) {
            return null;
        }
        last.put(key, free);
        int scaled = (int) Math.round(free * (double) targetCap / sourceCap);
        return new ReplayItem(t, target, Math.min(targetCap, scaled), targetCap, FacilityStatus.OPEN, 0);
    }

    private static List<ReplayItem> traffic(Path file, ReplayMapping mapping, LocalDateTime from, LocalDateTime to) throws IOException {
        Map<LocalDate, Map<String, String[]>> byDate = new HashMap<>();
        try (BufferedReader r = gz(file)) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                String[] p = line.split(",", -1);
                if (mapping.detectors().containsKey(p[1])) {
                    byDate.computeIfAbsent(LocalDate.parse(p[0]), k -> new HashMap<>()).put(p[1], p);
                }
            }
        }
        List<ReplayItem> out = new ArrayList<>();
        for (LocalDate day = from.toLocalDate(); day.isBefore(to.toLocalDate().plusDays(1)); day = day.plusDays(1)) {
            long weeks = ChronoUnit.WEEKS.between(from.toLocalDate(), day);
            LocalDate source = TRAFFIC_MONDAY.plusDays(day.getDayOfWeek().getValue() - 1 + 7 * Math.floorMod(weeks, 3));
            for (var e : byDate.getOrDefault(source, Map.of()).entrySet()) {
                for (int h = 0; h < 24; h++) {
                    String v = e.getValue().length > 6 + h ? e.getValue()[6 + h].trim() : "";
                    LocalDateTime end = day.atTime(h, 0).plusHours(1);
                    if (!v.isEmpty() && !end.isBefore(from) && end.isBefore(to)) {
                        out.add(new ReplayItem(end, mapping.detectors().get(e.getKey()), Integer.parseInt(v), 0, null, 3600));
                    }
                }
            }
        }
        return out;
    }

    private static BufferedReader gz(Path p) throws IOException {
        InputStream in = new GZIPInputStream(Files.newInputStream(p));
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
