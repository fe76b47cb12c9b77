package de.parkleit.simulator.evaluation;

import de.parkleit.simulator.driver.SimulationResult;
import java.util.Locale;
import java.util.Map;

/** The HTML page of a report: header, control vs treatment table, SVG plots. */
final class HtmlReport {

    private HtmlReport() {
    }

    static String render(ReportWriter.RunInfo info, SimulationResult control, Metrics mc, SimulationResult treatment, Metrics mt) {
        StringBuilder h = new StringBuilder();
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>parkleit simulation: ")
                .append(SvgChart.esc(info.scenario().name())).append("</title><style>")
                .append("body{font-family:sans-serif;margin:24px;max-width:1100px}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}")
                .append(".grid{display:flex;flex-wrap:wrap;gap:6px}.good{color:#176b1f}.bad{color:#a11}")
                .append("</style></head><body>");
        h.append("<h1>Search traffic with and without guidance</h1>");
        h.append("<p>City <b>").append(SvgChart.esc(info.city())).append("</b>, scenario <b>")
                .append(SvgChart.esc(info.scenario().name())).append("</b> (").append(SvgChart.esc(info.scenario().description()))
                .append("; ").append(info.scenario().day()).append(' ').append(info.scenario().start()).append("–")
                .append(info.scenario().end()).append(", demand x").append(String.format(Locale.ROOT, "%.2f", info.scenario().demandScale())).append("), seed ")
                .append(info.seed()).append(", compliance ").append(fmt(info.compliance() * 100)).append(" %, sign reaction ")
                .append(fmt(info.signReaction() * 100)).append(" % of the others.</p>");
        h.append("<p>System: ").append(SvgChart.esc(info.system())).append(".<br>Command: <code>")
                .append(SvgChart.esc(info.command())).append("</code></p>");
        h.append("<p>Occupancy shapes are a model derived from the Münster open data (dl-de/by-2-0), not measurements of this city. "
                + "Search counts only garage search (queueing and driving on after the first facility that did not let the driver in); "
                + "on-street cruising is not modelled. CO2 = search vehicle-km x 180 g.</p>");
        table(h, mc, mt);
        plots(h, info, control, treatment);
        h.append("<p>CSV: <a href=\"comparison.csv\">comparison</a>, <a href=\"trips-control.csv\">trips (control)</a>, "
                + "<a href=\"occupancy-control.csv\">occupancy (control)</a>, <a href=\"hourly-control.csv\">hourly (control)</a>");
        if (treatment != null) {
            h.append(", <a href=\"trips-treatment.csv\">trips (treatment)</a>, <a href=\"occupancy-treatment.csv\">occupancy (treatment)</a>, "
                    + "<a href=\"hourly-treatment.csv\">hourly (treatment)</a>");
        }
        return h.append(".</p></body></html>\n").toString();
    }

    private static void table(StringBuilder h, Metrics mc, Metrics mt) {
        h.append("<h2>Control (no guidance) vs treatment (guidance)</h2><table><tr><th>metric</th><th>control</th>");
        if (mt != null) {
            h.append("<th>treatment</th><th>change</th>");
        }
        h.append("</tr>");
        Map<String, Double> c = mc.named();
        Map<String, Double> t = mt == null ? null : mt.named();
        for (var e : c.entrySet()) {
            h.append("<tr><td>").append(SvgChart.esc(e.getKey())).append("</td><td>").append(fmt(e.getValue())).append("</td>");
            if (t != null) {
                double ch = ReportWriter.changePercent(e.getValue(), t.get(e.getKey()));
                String cls = Double.isNaN(ch) ? "" : ch < 0 ? "good" : "bad";
                h.append("<td>").append(fmt(t.get(e.getKey()))).append("</td><td class=\"").append(cls).append("\">")
                        .append(Double.isNaN(ch) ? "–" : String.format(Locale.ROOT, "%+.1f %%", ch)).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    private static void plots(StringBuilder h, ReportWriter.RunInfo info, SimulationResult control, SimulationResult treatment) {
        RunSeries c = new RunSeries(control, info.zone());
        RunSeries t = treatment == null ? null : new RunSeries(treatment, info.zone());
        h.append("<h2>Over the day</h2>");
        SvgChart search = new SvgChart("Mean search time by departure hour", "hour", "s per trip", c.startHour(), c.endHour())
                .line("control", ReportWriter.CONTROL, c.hours, c.meanSearchPerHour);
        SvgChart km = new SvgChart("Search vehicle-km by departure hour", "hour", "veh-km", c.startHour(), c.endHour())
                .line("control", ReportWriter.CONTROL, c.hours, c.searchKmPerHour);
        SvgChart queue = new SvgChart("Vehicles queueing at entrances (all facilities)", "hour", "vehicles", c.startHour(), c.endHour())
                .steps("control", ReportWriter.CONTROL, c.sampleHours, c.queueTotal);
        if (t != null) {
            search.line("treatment", ReportWriter.TREATMENT, t.hours, t.meanSearchPerHour);
            km.line("treatment", ReportWriter.TREATMENT, t.hours, t.searchKmPerHour);
            queue.steps("treatment", ReportWriter.TREATMENT, t.sampleHours, t.queueTotal);
        }
        h.append("<div class=\"grid\">").append(search.render(540, 260)).append(km.render(540, 260))
                .append(queue.render(540, 260)).append("</div>");
        h.append("<h2>Occupancy per facility (share of capacity)</h2><div class=\"grid\">");
        for (var e : c.occupancyShare.entrySet()) {
            SvgChart chart = new SvgChart(e.getKey() + " (" + c.capacity.get(e.getKey()) + ")", "hour", "share",
                    c.startHour(), c.endHour()).xTicks(c.endHour() - c.startHour() > 8 ? 6 : 1).yMax(1)
                    .line("control", ReportWriter.CONTROL, c.sampleHours, e.getValue());
            if (t != null) {
                chart.line("treatment", ReportWriter.TREATMENT, t.sampleHours, t.occupancyShare.get(e.getKey()));
            }
            h.append(chart.render(270, 170));
        }
        h.append("</div>");
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.format(Locale.ROOT, "%,d", (long) Math.rint(v))
                : String.format(Locale.ROOT, "%,.1f", v);
    }
}
