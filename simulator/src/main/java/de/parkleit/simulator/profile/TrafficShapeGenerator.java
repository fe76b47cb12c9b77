package de.parkleit.simulator.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Derives {@link TrafficShapes} from the Münster induction-loop export
 * ({@value #FILE}: hourly vehicle counts per lane detector, November 2016, dl-de/by-2-0). Method:
 * only detector-days with all 24 hours; each day divided by its detector's mean hourly count over
 * the month (so busy and quiet lanes weigh the same); the mean of these ratios per weekday and hour
 * over all detector-days; finally divided by the largest value of the week. 1 November (All Saints'
 * Day, a public holiday in North Rhine-Westphalia) is left out. Regenerate with
 * <pre>
 * mvn -B -q -pl simulator -am compile
 * java -cp simulator/target/classes:core/target/classes de.parkleit.simulator.profile.TrafficShapeGenerator \
 *      opendata/muenster simulator/src/main/resources/de/parkleit/simulator/profile/traffic-shapes.csv
 * </pre>
 */
public final class TrafficShapeGenerator {

    public static final String FILE = "traffic_counts_kfz_muenster_2016-11.csv.gz";
    static final List<LocalDate> HOLIDAYS = List.of(LocalDate.of(2016, 11, 1));

    private TrafficShapeGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: TrafficShapeGenerator <muenster data folder> <output csv>");
            System.exit(2);
        }
        Files.writeString(Path.of(args[1]), render(generate(Path.of(args[0]))), StandardCharsets.UTF_8);
    }

    /** Reads the export and returns the week of shares (Monday 00:00 first). */
    public static double[] generate(Path folder) throws IOException {
        record Day(String detector, LocalDate date, double[] counts) {
        }
        List<Day> days = new java.util.ArrayList<>();
        Map<String, double[]> sums = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(folder.resolve(FILE))), StandardCharsets.UTF_8))) {
            String header = r.readLine();
            if (header == null || !header.startsWith("date,detector")) {
                throw new IOException(FILE + ": unexpected header " + header);
            }
            for (String line; (line = r.readLine()) != null; ) {
                String[] p = line.split(",", -1);
                if (p.length != 30) {
                    continue;
                }
                LocalDate date = LocalDate.parse(p[0]);
                double[] c = new double[24];
                boolean complete = true;
                for (int h = 0; h < 24 && complete; h++) {
                    String v = p[6 + h].trim();
                    complete = !v.isEmpty();
                    c[h] = complete ? Double.parseDouble(v) : 0;
                }
                if (!complete || HOLIDAYS.contains(date)) {
                    continue;
                }
                days.add(new Day(p[1], date, c));
                double[] s = sums.computeIfAbsent(p[1], k -> new double[2]);
                for (double v : c) {
                    s[0] += v;
                }
                s[1] += 24;
            }
        }
        double[] total = new double[TrafficShapes.HOURS_PER_WEEK];
        int[] n = new int[TrafficShapes.HOURS_PER_WEEK];
        for (Day d : days) {
            double[] s = sums.get(d.detector());
            double mean = s[0] / s[1];
            if (mean < 1) {
                continue;
            }
            int base = (d.date().getDayOfWeek().getValue() - 1) * 24;
            for (int h = 0; h < 24; h++) {
                total[base + h] += d.counts()[h] / mean;
                n[base + h]++;
            }
        }
        double[] week = new double[total.length];
        double max = 0;
        for (int i = 0; i < week.length; i++) {
            if (n[i] == 0) {
                throw new IOException(FILE + ": no complete detector-day for weekday " + (i / 24 + 1) + " hour " + i % 24);
            }
            week[i] = total[i] / n[i];
            max = Math.max(max, week[i]);
        }
        for (int i = 0; i < week.length; i++) {
            week[i] = Math.round(week[i] / max * 1000) / 1000.0;
        }
        return week;
    }

    /** The CSV of the bundled resource. */
    public static String render(double[] week) {
        StringBuilder sb = new StringBuilder()
                .append("# parkleit traffic shape: vehicles per hour at a loop detector as a share of the busiest hour of the week,\n")
                .append("# per weekday (1 = Monday) and hour of local time (h00 = 00:00-01:00).\n")
                .append("# Derived from: Verkehrszaehlungen Stadt Muenster (dl-de/by-2-0), hourly induction-loop counts, November 2016.\n")
                .append("# Method: complete detector-days, each divided by its detector's monthly mean, averaged per weekday and hour,\n")
                .append("# scaled to the week's maximum; 2016-11-01 (holiday) left out (see TrafficShapeGenerator).\n")
                .append("weekday");
        for (int h = 0; h < 24; h++) {
            sb.append(String.format(Locale.ROOT, ",h%02d", h));
        }
        sb.append('\n');
        for (int d = 0; d < 7; d++) {
            sb.append(d + 1);
            for (int h = 0; h < 24; h++) {
                sb.append(String.format(Locale.ROOT, ",%.3f", week[d * 24 + h]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
