package de.parkleit.simulator.replay;

import de.parkleit.core.city.City;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.prediction.CleaningRules;
import de.parkleit.prediction.MuensterHistory;
import de.parkleit.prediction.OccupancySeries;
import de.parkleit.prediction.SlotClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads the Münster exports for a window of data time and maps them. Occupancy is read and cleaned
 * by prediction's {@link MuensterHistory} with {@link CleaningRules#defaults()}, the rules the
 * forecaster trains on (a value above capacity, a 0 that does not follow a nearly full reading and
 * a frozen daytime run are dropped; {@code bes} is full, {@code kei} is no data): each kept value
 * is sent as free spaces scaled to the target's capacity, each {@code ges} as closed. Detector
 * counts exist for November 2016 only: each replayed day takes the counts of the same weekday in
 * the weeks of 7–27 November 2016, each hour sent at its end with a 3,600 s interval.
 */
public final class MuensterReplaySource {

    static final String TRAFFIC = "traffic_counts_kfz_muenster_2016-11.csv.gz";
    static final LocalDate TRAFFIC_MONDAY = LocalDate.of(2016, 11, 7);

    private MuensterReplaySource() {
    }

    /** Items in [from, to) of data time, in time order. */
    public static List<ReplayItem> load(Path dir, ReplayMapping mapping, City city, LocalDateTime from, LocalDateTime to) throws IOException {
        MuensterHistory history = MuensterHistory.loadFolder(dir, CleaningRules.defaults());
        List<ReplayItem> items = new ArrayList<>(occupancy(history.clean(), mapping, city, from, to));
        if (!mapping.detectors().isEmpty()) {
            items.addAll(traffic(dir.resolve(TRAFFIC), mapping, from, to));
        }
        items.sort(Comparator.comparing(ReplayItem::dataTime));
        return items;
    }

    /** The cleaned series of the mapped columns as items in [from, to) of local data time. */
    static List<ReplayItem> occupancy(List<OccupancySeries> lots, ReplayMapping mapping, City city, LocalDateTime from,
                                      LocalDateTime to) {
        List<ReplayItem> out = new ArrayList<>();
        for (OccupancySeries lot : lots) {
            String target = mapping.facilities().get(lot.name());
            if (target == null) {
                continue;
            }
            int targetCap = city.facility(target).orElseThrow().capacity();
            long first = Math.max(lot.firstSlot(), SlotClock.slotOf(from.atZone(lot.clock().zone()).toInstant()));
            for (long slot = first; slot <= lot.latestSlot(); slot++) {
                LocalDateTime t = lot.clock().local(slot);
                if (!t.isBefore(to)) {
                    break;
                }
                ReplayItem item = item(t, lot.freeAt(slot), lot.isClosedByCode(slot), lot.capacity(), targetCap, target);
                if (item != null) {
                    out.add(item);
                }
            }
        }
        return out;
    }

    /** One cleaned slot as an item: closed, free spaces scaled to the target, or nothing (NaN). */
    static ReplayItem item(LocalDateTime t, double free, boolean closed, int sourceCap, int targetCap, String target) {
        if (closed) {
            return new ReplayItem(t, target, 0, targetCap, FacilityStatus.CLOSED, 0);
        }
        if (Double.isNaN(free)) {
            return null;
        }
        int scaled = (int) Math.round(free * targetCap / sourceCap);
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
