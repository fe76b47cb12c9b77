package de.parkleit.simulator.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A small self-contained SVG line chart (no scripts, no external resources). */
final class SvgChart {

    private record Series(String name, String color, double[] xs, double[] ys, boolean steps) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private double xMin;
    private double xMax;
    private double yMax;
    private double xTickStep = 2;

    SvgChart(String title, String xLabel, String yLabel, double xMin, double xMax) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.xMin = xMin;
        this.xMax = xMax;
    }

    SvgChart xTicks(double step) {
        this.xTickStep = step;
        return this;
    }

    SvgChart yMax(double max) {
        this.yMax = max;
        return this;
    }

    SvgChart line(String name, String color, double[] xs, double[] ys) {
        series.add(new Series(name, color, xs, ys, false));
        return this;
    }

    SvgChart steps(String name, String color, double[] xs, double[] ys) {
        series.add(new Series(name, color, xs, ys, true));
        return this;
    }

    String render(int width, int height) {
        double top = yMax;
        for (Series s : series) {
            for (double y : s.ys) {
                top = Math.max(top, y);
            }
        }
        top = niceCeiling(top <= 0 ? 1 : top);
        int l = 48;
        int r = 10;
        int t = 22;
        int b = 34;
        double pw = width - l - r;
        double ph = height - t - b;
        StringBuilder sb = new StringBuilder();
        sb.append(fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"10\">",
                width, height, width, height));
        sb.append(fmt("<text x=\"%d\" y=\"14\" font-size=\"12\" font-weight=\"bold\">%s</text>", l, esc(title)));
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            double y = t + ph - ph * i / 4;
            sb.append(fmt("<line x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>", l, l + pw, y, y));
            sb.append(fmt("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", l - 4, y + 3, label(v)));
        }
        for (double x = Math.ceil(xMin / xTickStep) * xTickStep; x <= xMax + 1e-9; x += xTickStep) {
            double px = l + pw * (x - xMin) / (xMax - xMin);
            sb.append(fmt("<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#999\"/>", px, px, t + ph, t + ph + 3));
            sb.append(fmt("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>", px, t + ph + 13, label(x)));
        }
        sb.append(fmt("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", l + pw / 2, height - 4, esc(xLabel)));
        sb.append(fmt("<text x=\"10\" y=\"%.1f\" transform=\"rotate(-90 10 %.1f)\" text-anchor=\"middle\">%s</text>",
                t + ph / 2, t + ph / 2, esc(yLabel)));
        sb.append(fmt("<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#999\"/>", l, t, pw, ph));
        int legendX = l + 8;
        for (Series s : series) {
            sb.append(path(s, l, t, pw, ph, top));
            sb.append(fmt("<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"3\" fill=\"%s\"/>", legendX, t + 6, s.color));
            sb.append(fmt("<text x=\"%d\" y=\"%d\">%s</text>", legendX + 13, t + 10, esc(s.name)));
            legendX += 20 + 6 * s.name.length();
        }
        return sb.append("</svg>").toString();
    }

    private String path(Series s, int l, int t, double pw, double ph, double top) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < s.xs.length; i++) {
            double px = l + pw * (s.xs[i] - xMin) / (xMax - xMin);
            double py = t + ph - ph * Math.max(0, s.ys[i]) / top;
            if (s.steps && i > 0) {
                double prevY = t + ph - ph * Math.max(0, s.ys[i - 1]) / top;
                d.append(fmt("L%.1f,%.1f ", px, prevY));
            }
            d.append(fmt("%s%.1f,%.1f ", i == 0 ? "M" : "L", px, py));
        }
        return fmt("<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"><title>%s</title></path>",
                d.toString().trim(), s.color, esc(s.name));
    }

    static double niceCeiling(double v) {
        double exp = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[]{1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * exp >= v - 1e-12) {
                return m * exp;
            }
        }
        return 10 * exp;
    }

    private static String label(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.valueOf((long) Math.rint(v)) : fmt("%.1f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
