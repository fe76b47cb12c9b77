package de.parkleit.prediction;

import java.util.Locale;

/** Draws the MAE (% of capacity) by horizon, 5 to 60 minutes, of each method of a backtest as a small SVG chart. */
final class BacktestChart {

    private static final String[] COLORS = {"#d62728", "#7f7f7f", "#1f77b4", "#2ca02c", "#9467bd"};
    private static final int W = 640;
    private static final int H = 400;
    private static final int LEFT = 60;
    private static final int RIGHT = 170;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private BacktestChart() {
    }

    static String svg(BacktestScores scores, String title) {
        double max = 0;
        for (int m = 0; m < scores.methods().size(); m++) {
            for (int h = 1; h <= BacktestScores.MAX_H; h++) {
                double v = scores.maePercent(m, h, BacktestScores.Subset.ALL);
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        double yMax = Math.max(1, Math.ceil(max));
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", W, H, W, H));
        sb.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", W, H));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"13\">%s</text>%n", LEFT,
                escape(title.length() > 90 ? title.substring(0, 90) + "…" : title)));
        axes(sb, yMax);
        for (int m = 0; m < scores.methods().size(); m++) {
            line(sb, scores, m, yMax, COLORS[m % COLORS.length]);
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static void axes(StringBuilder sb, double yMax) {
        int x0 = LEFT;
        int y0 = H - BOTTOM;
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                x0, y0, W - RIGHT, y0));
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                x0, TOP, x0, y0));
        for (int h = 1; h <= BacktestScores.MAX_H; h++) {
            double x = x(h);
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    x, y0 + 16, h * 5));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">horizon (min)</text>%n",
                (LEFT + W - RIGHT) / 2, H - 12));
        int steps = (int) yMax;
        double step = steps > 10 ? Math.ceil(steps / 10.0) : 1;
        for (double v = 0; v <= yMax + 1e-9; v += step) {
            double y = y(v, yMax);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                    + "stroke=\"#ddd\"/>%n", x0, y, W - RIGHT, y));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>%n",
                    x0 - 6, y + 4, v));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" "
                + "text-anchor=\"middle\">MAE (%% of capacity)</text>%n", (TOP + y0) / 2, (TOP + y0) / 2));
    }

    private static void line(StringBuilder sb, BacktestScores scores, int m, double yMax, String color) {
        StringBuilder points = new StringBuilder();
        for (int h = 1; h <= BacktestScores.MAX_H; h++) {
            double v = scores.maePercent(m, h, BacktestScores.Subset.ALL);
            if (!Double.isNaN(v)) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(h), y(v, yMax)));
            }
        }
        sb.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
                + "points=\"%s\"/>%n", color, points.toString().trim()));
        int ly = TOP + 10 + 20 * m;
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                + "stroke-width=\"2\"/>%n", W - RIGHT + 12, ly, W - RIGHT + 36, ly, color));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", W - RIGHT + 42, ly + 4,
                escape(scores.methods().get(m))));
    }

    private static double x(int h) {
        return LEFT + (W - LEFT - RIGHT) * (h - 1) / (double) (BacktestScores.MAX_H - 1);
    }

    private static double y(double v, double yMax) {
        return H - BOTTOM - (H - BOTTOM - TOP) * v / yMax;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
