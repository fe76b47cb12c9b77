package de.parkleit.simulator.profile;

import de.parkleit.prediction.CleaningRules;
import de.parkleit.prediction.MuensterHistory;
import de.parkleit.prediction.OccupancySeries;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link OccupancyShapes} from the Münster export, read and cleaned by prediction's
 * {@link MuensterHistory} with {@link CleaningRules#defaults()} (the rules the forecaster trains on):
 * per car park the median occupied share per weekday and 5-minute slot over January–September 2024
 * (October is dropped: the feed broke), then per {@link ShapeKind} the mean of its car parks'
 * medians; slots without samples (the export is 15-minutely at night) are interpolated. Run once
 * after changing the data, the cleaning rules or the method:
 *
 * <pre>
 * mvn -B -q -pl simulator -am compile
 * java -cp simulator/target/classes:prediction/target/classes:core/target/classes de.parkleit.simulator.profile.ShapeGenerator \
 *      opendata/muenster simulator/src/main/resources/de/parkleit/simulator/profile/occupancy-shapes.csv
 * </pre>
 */
public final class ShapeGenerator {

    /** Which Münster car park belongs to which shape. Busparkplatz (buses) and PH Coesfelder Kreuz (never connected) are left out. */
    static final Map<String, ShapeKind> CLUSTERS = clusters();
    static final LocalDateTime END_EXCLUSIVE = LocalDateTime.of(2024, 10, 1, 0, 0);
    static final int MIN_SAMPLES = 8;

    private ShapeGenerator() {
    }

    private static Map<String, ShapeKind> clusters() {
        Map<String, ShapeKind> m = new LinkedHashMap<>();
        for (String n : List.of("PH Theater", "PH Alter Steinweg", "PH Aegidii", "PH Münster Arkaden", "PH Karstadt", "PH Stubengasse")) {
            m.put(n, ShapeKind.CENTRAL);
        }
        for (String n : List.of("PP Hörsterplatz", "PP Schlossplatz Nord", "PP Schlossplatz Süd", "PP Georgskommende")) {
            m.put(n, ShapeKind.LOT);
        }
        for (String n : List.of("PH Bremer Platz", "PH Engelenschanze", "PH Bahnhofstraße", "PH Stadthaus 3")) {
            m.put(n, ShapeKind.STATION);
        }
        m.put("PH Cineplex", ShapeKind.CINEMA);
        return Map.copyOf(m);
    }

    /** @param muensterDir folder holding {@code parking_lots_muenster.csv} and the series */
    public static OccupancyShapes generate(Path muensterDir) throws IOException {
        MuensterHistory history = MuensterHistory.loadFolder(muensterDir, CleaningRules.defaults());
        Map<ShapeKind, List<double[]>> perKind = new EnumMap<>(ShapeKind.class);
        for (OccupancySeries lot : history.clean()) {
            ShapeKind kind = CLUSTERS.get(lot.name());
            if (kind != null) {
                perKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(medianWeek(samples(lot)));
            }
        }
        Map<ShapeKind, double[]> weeks = new EnumMap<>(ShapeKind.class);
        for (ShapeKind k : ShapeKind.values()) {
            weeks.put(k, interpolateGaps(meanOf(perKind.getOrDefault(k, List.of()))));
        }
        return new OccupancyShapes(weeks);
    }

    /** One cleaned observation: occupied share of capacity at a local time. */
    record Sample(LocalDateTime local, double occupiedShare) {
    }

    /** The cleaned values of a lot before {@link #END_EXCLUSIVE}, as occupied shares at local times. */
    static List<Sample> samples(OccupancySeries lot) {
        List<Sample> out = new ArrayList<>();
        for (long slot = lot.firstSlot(); slot <= lot.latestSlot(); slot++) {
            double free = lot.freeAt(slot);
            LocalDateTime local = lot.clock().local(slot);
            if (!local.isBefore(END_EXCLUSIVE)) {
                break;
            }
            if (!Double.isNaN(free)) {
                out.add(new Sample(local, (lot.capacity() - free) / lot.capacity()));
            }
        }
        return out;
    }

    /** Median share per slot of the week; NaN where a slot has fewer than {@link #MIN_SAMPLES} samples. */
    static double[] medianWeek(List<Sample> samples) {
        List<List<Double>> bySlot = new ArrayList<>(OccupancyShapes.SLOTS_PER_WEEK);
        for (int i = 0; i < OccupancyShapes.SLOTS_PER_WEEK; i++) {
            bySlot.add(new ArrayList<>());
        }
        for (Sample s : samples) {
            LocalDateTime t = s.local();
            int slot = (t.getDayOfWeek().getValue() - 1) * OccupancyShapes.SLOTS_PER_DAY
                    + (t.getHour() * 60 + t.getMinute()) / OccupancyShapes.SLOT_MINUTES;
            bySlot.get(slot).add(s.occupiedShare());
        }
        double[] out = new double[OccupancyShapes.SLOTS_PER_WEEK];
        for (int i = 0; i < out.length; i++) {
            out[i] = median(bySlot.get(i));
        }
        return out;
    }

    static double median(List<Double> xs) {
        if (xs.size() < MIN_SAMPLES) {
            return Double.NaN;
        }
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = a.length;
        return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
    }

    static double[] meanOf(List<double[]> weeks) {
        double[] out = new double[OccupancyShapes.SLOTS_PER_WEEK];
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            int n = 0;
            for (double[] w : weeks) {
                if (!Double.isNaN(w[i])) {
                    sum += w[i];
                    n++;
                }
            }
            out[i] = n == 0 ? Double.NaN : sum / n;
        }
        return out;
    }

    /** Fills NaN slots linearly between the nearest known slots (the week wraps around); rounds to 3 decimals. */
    static double[] interpolateGaps(double[] week) {
        int n = week.length;
        int anyKnown = -1;
        for (int i = 0; i < n && anyKnown < 0; i++) {
            anyKnown = Double.isNaN(week[i]) ? -1 : i;
        }
        if (anyKnown < 0) {
            throw new IllegalStateException("no samples at all for a shape");
        }
        double[] out = Arrays.copyOf(week, n);
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(week[i])) {
                int before = i;
                int after = i;
                while (Double.isNaN(week[Math.floorMod(before, n)])) {
                    before--;
                }
                while (Double.isNaN(week[after % n])) {
                    after++;
                }
                double f = (i - before) / (double) (after - before);
                out[i] = week[Math.floorMod(before, n)] * (1 - f) + week[after % n] * f;
            }
            out[i] = Math.round(Math.min(1, Math.max(0, out[i])) * 1000) / 1000.0;
        }
        return out;
    }

    /** The CSV text of the bundled resource, header comments included. */
    public static String render(OccupancyShapes shapes) throws IOException {
        StringWriter w = new StringWriter();
        shapes.write(w,
                "parkleit occupancy shapes: occupied share of capacity per weekday (1 = Monday) and 5-minute slot, local time.",
                "Derived from: Parkhausbelegung Stadt Muenster (dl-de/by-2-0), historisiert von Code for Muenster, Jan-Sep 2024.",
                "Method: cleaned with prediction's CleaningRules, per car park the median over weeks, then the mean over the car parks of a kind (see ShapeGenerator).",
                "central: PH Theater, Alter Steinweg, Aegidii, Muenster Arkaden, Karstadt, Stubengasse; lot: PP Hoersterplatz,",
                "Schlossplatz Nord/Sued, Georgskommende; station: PH Bremer Platz, Engelenschanze, Bahnhofstrasse, Stadthaus 3; cinema: PH Cineplex.",
                "Regenerate: java -cp simulator/target/classes:prediction/target/classes:core/target/classes de.parkleit.simulator.profile.ShapeGenerator opendata/muenster <this file>");
        return w.toString();
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ShapeGenerator <opendata/muenster folder> <output csv>");
            System.exit(2);
        }
        String text = render(generate(Path.of(args[0])));
        Path out = Path.of(args[1]);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(text);
        }
        System.out.println("wrote " + out + " (" + text.length() + " chars)");
    }
}
