package de.parkleit.simulator.evaluation;

import de.parkleit.simulator.driver.OccupancySample;
import de.parkleit.simulator.driver.SimulationResult;
import de.parkleit.simulator.driver.TripOutcome;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a run's report into a folder: {@code index.html} (tables and inline SVG plots),
 * {@code comparison.csv}, and per run {@code trips-*.csv}, {@code occupancy-*.csv}, {@code hourly-*.csv}.
 */
public final class ReportWriter {

    static final String CONTROL = "#888888";
    static final String TREATMENT = "#1f6fd1";

    /** What was run, for the report header. */
    public record RunInfo(String city, Scenario scenario, long seed, double compliance, double signReaction,
                          String system, ZoneId zone, String command) {
    }

    private ReportWriter() {
    }

    /** @param treatment null when guidance was off (control only) */
    public static Path write(Path out, RunInfo info, SimulationResult control, SimulationResult treatment) throws IOException {
        Files.createDirectories(out);
        Metrics mc = Metrics.of(control);
        Metrics mt = treatment == null ? null : Metrics.of(treatment);
        writeComparison(out.resolve("comparison.csv"), mc, mt);
        writeRun(out, "control", control, info.zone());
        if (treatment != null) {
            writeRun(out, "treatment", treatment, info.zone());
        }
        Path index = out.resolve("index.html");
        Files.writeString(index, HtmlReport.render(info, control, mc, treatment, mt), StandardCharsets.UTF_8);
        return index;
    }

    /** Relative change in percent, or NaN when the control value is 0. */
    public static double changePercent(double control, double treatment) {
        return control == 0 ? Double.NaN : (treatment - control) / control * 100;
    }

    private static void writeComparison(Path file, Metrics c, Metrics t) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(t == null ? "metric,control" : "metric,control,treatment,change_percent");
        Map<String, Double> tc = c.named();
        Map<String, Double> tt = t == null ? null : t.named();
        for (var e : tc.entrySet()) {
            String name = "\"" + e.getKey() + "\"";
            lines.add(t == null ? name + "," + num(e.getValue())
                    : name + "," + num(e.getValue()) + "," + num(tt.get(e.getKey())) + "," + num(changePercent(e.getValue(), tt.get(e.getKey()))));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static void writeRun(Path out, String name, SimulationResult r, ZoneId zone) throws IOException {
        try (Writer w = Files.newBufferedWriter(out.resolve("trips-" + name + ".csv"), StandardCharsets.UTF_8)) {
            w.write("trip,depart_local,behaviour,first_target,parked_at,approach_m,search_s,search_m,queue_s,full_arrivals,walk_m,gave_up\n");
            for (TripOutcome o : r.outcomes()) {
                w.write(String.join(",", String.valueOf(o.tripId()), o.departAt().atZone(zone).toLocalDateTime().toString(),
                        o.behaviour(), nz(o.firstTarget()), nz(o.parkedAt()), num(o.approachMeters()), num(o.searchSeconds()),
                        num(o.searchMeters()), num(o.queueSeconds()), String.valueOf(o.fullArrivals()), num(o.walkMeters()),
                        String.valueOf(o.gaveUp())) + "\n");
            }
        }
        try (Writer w = Files.newBufferedWriter(out.resolve("occupancy-" + name + ".csv"), StandardCharsets.UTF_8)) {
            w.write("time_local,facility,occupied,capacity,queue\n");
            for (OccupancySample s : r.samples()) {
                w.write(s.at().atZone(zone).toLocalDateTime() + "," + s.facilityId() + "," + s.occupied() + ","
                        + s.capacity() + "," + s.queue() + "\n");
            }
        }
        RunSeries rs = new RunSeries(r, zone);
        try (Writer w = Files.newBufferedWriter(out.resolve("hourly-" + name + ".csv"), StandardCharsets.UTF_8)) {
            w.write("hour,trips,mean_search_s,search_km\n");
            for (int h = 0; h < rs.hours.length; h++) {
                w.write(num(rs.hours[h] - 0.5) + "," + num(rs.tripsPerHour[h]) + "," + num(rs.meanSearchPerHour[h]) + ","
                        + num(rs.searchKmPerHour[h]) + "\n");
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return Math.abs(v - Math.rint(v)) < 1e-9 && Math.abs(v) < 1e15 ? String.valueOf((long) Math.rint(v))
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
