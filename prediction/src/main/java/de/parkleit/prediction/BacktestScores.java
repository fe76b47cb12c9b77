package de.parkleit.prediction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Error sums of a backtest: per method and horizon (5 to 60 minutes, 2, 6 and 24 hours), over all forecasts, over forecasts made on a
 * Saturday and over forecasts made by day (06:00–21:00 local), mean absolute error in spaces and in percent of capacity; per facility at 30 minutes per facility and per hour of day; and for the
 * model's probability of a free space, Brier score and calibration by decile.
 */
public final class BacktestScores {

    /** The horizons of the printed table, in slots: 15, 30, 60 minutes. */
    public static final int[] TABLE_HORIZONS = {3, 6, 12};
    static final int MAX_H = 12;
    /** Longer horizons, in slots, scored for the day-ahead profile: 2, 6 and 24 hours. */
    public static final int[] LONG_HORIZONS = {24, 72, 288};
    /** Every horizon scored: each 5 minutes up to an hour, then the long ones. */
    static final int[] HORIZONS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 24, 72, 288};
    private static final int SIZE = 289;
    /** Origins from this local hour on (inclusive) count as daytime... */
    static final int DAY_FROM = 6;
    /** ...up to this hour (exclusive); at night the Münster feed repeats values and every method is exact. */
    static final int DAY_TO = 21;

    /** Which forecasts a table covers. */
    public enum Subset {
        ALL, SATURDAYS, DAYTIME
    }

    private final List<String> methods;
    private final Cell[][] all;
    private final Cell[][] saturday;
    private final Cell[][] daytime;
    private final Map<String, Cell[]> perFacility = new LinkedHashMap<>();
    private final Cell[][] perHour;
    private final double[] brier = new double[SIZE];
    private final double[] brierBaseline = new double[SIZE];
    private final long[] brierCount = new long[SIZE];
    private final double[][] calibrationP = new double[SIZE][10];
    private final double[][] calibrationHit = new double[SIZE][10];
    private final long[][] calibrationN = new long[SIZE][10];

    public BacktestScores(List<String> methods) {
        this.methods = List.copyOf(methods);
        this.all = newCells();
        this.saturday = newCells();
        this.daytime = newCells();
        this.perHour = new Cell[methods.size()][24];
        for (Cell[] row : perHour) {
            for (int i = 0; i < row.length; i++) {
                row[i] = new Cell();
            }
        }
    }

    private Cell[][] newCells() {
        Cell[][] c = new Cell[methods.size()][SIZE];
        for (Cell[] row : c) {
            for (int h = 0; h < SIZE; h++) {
                row[h] = new Cell();
            }
        }
        return c;
    }

    public List<String> methods() {
        return methods;
    }

    void add(String facilityId, int method, int h, int hour, boolean onSaturday, double error, int capacity) {
        all[method][h].add(error, capacity);
        if (onSaturday) {
            saturday[method][h].add(error, capacity);
        }
        if (hour >= DAY_FROM && hour < DAY_TO) {
            daytime[method][h].add(error, capacity);
        }
        if (h == 6) {
            perHour[method][hour].add(error, capacity);
            perFacility.computeIfAbsent(facilityId, id -> {
                Cell[] c = new Cell[methods.size()];
                for (int m = 0; m < c.length; m++) {
                    c[m] = new Cell();
                }
                return c;
            })[method].add(error, capacity);
        }
    }

    void addProbability(int h, double p, double baselineP, boolean free) {
        double y = free ? 1 : 0;
        brier[h] += (p - y) * (p - y);
        brierBaseline[h] += (baselineP - y) * (baselineP - y);
        brierCount[h]++;
        int bin = (int) Math.min(9, Math.max(0, Math.floor(p * 10)));
        calibrationP[h][bin] += p;
        calibrationHit[h][bin] += y;
        calibrationN[h][bin]++;
    }

    private Cell[][] cells(Subset subset) {
        return switch (subset) {
            case ALL -> all;
            case SATURDAYS -> saturday;
            case DAYTIME -> daytime;
        };
    }

    /** Mean absolute error in percent of capacity. */
    public double maePercent(int method, int h, Subset subset) {
        return cells(subset)[method][h].percent();
    }

    /** Mean absolute error in spaces. */
    public double maeSpaces(int method, int h, Subset subset) {
        return cells(subset)[method][h].spaces();
    }

    /** Number of forecasts scored per method. */
    public long count(int h, Subset subset) {
        return cells(subset)[0][h].n;
    }

    public double brier(int h) {
        return brier[h] / brierCount[h];
    }

    public double brierBaseline(int h) {
        return brierBaseline[h] / brierCount[h];
    }

    /** The MAE table (15/30/60 min) for a subset of the forecasts. */
    public String table(Subset subset) {
        return table(subset, TABLE_HORIZONS);
    }

    /** The MAE table at 2, 6 and 24 hours, all forecasts. */
    public String longTable() {
        return table(Subset.ALL, LONG_HORIZONS);
    }

    private String table(Subset subset, int[] horizons) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-16s", "method"));
        for (int h : horizons) {
            sb.append(String.format(Locale.ROOT, " | %6s min: %% cap  spaces", h * 5));
        }
        sb.append('\n');
        for (int m = 0; m < methods.size(); m++) {
            sb.append(String.format(Locale.ROOT, "%-16s", methods.get(m)));
            for (int h : horizons) {
                sb.append(String.format(Locale.ROOT, " |        %6.2f  %6.1f", maePercent(m, h, subset),
                        maeSpaces(m, h, subset)));
            }
            sb.append('\n');
        }
        sb.append("forecasts per horizon:");
        for (int h : horizons) {
            sb.append(' ').append(count(h, subset));
        }
        sb.append('\n');
        return sb.toString();
    }

    /** MAE in % of capacity at 30 minutes per facility and method. */
    public String facilityTable() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-34s %8s", "facility (30 min, % cap)", "n"));
        methods.forEach(m -> sb.append(String.format(Locale.ROOT, " %15s", m)));
        sb.append('\n');
        perFacility.forEach((id, cells) -> {
            sb.append(String.format(Locale.ROOT, "%-34s %8d", id, cells[0].n));
            for (Cell c : cells) {
                sb.append(String.format(Locale.ROOT, " %15.2f", c.percent()));
            }
            sb.append('\n');
        });
        return sb.toString();
    }

    /** MAE in % of capacity at 30 minutes by local hour of the forecast's origin. */
    public String hourTable() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-10s %8s", "hour (30 min)", "n"));
        methods.forEach(m -> sb.append(String.format(Locale.ROOT, " %15s", m)));
        sb.append('\n');
        for (int hour = 0; hour < 24; hour++) {
            sb.append(String.format(Locale.ROOT, "%02d:00      %8d", hour, perHour[0][hour].n));
            for (Cell[] row : perHour) {
                sb.append(String.format(Locale.ROOT, " %15.2f", row[hour].percent()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Brier score of the model's P(at least one free) and of a yes/no rule on the HSL-style forecast. */
    public String probabilityTable() {
        StringBuilder sb = new StringBuilder("P(at least one space free on arrival)\n");
        for (int h : TABLE_HORIZONS) {
            sb.append(String.format(Locale.ROOT, "  %2d min: Brier model %.4f, HSL-style yes/no %.4f; calibration",
                    h * 5, brier(h), brierBaseline(h)));
            for (int b = 0; b < 10; b++) {
                if (calibrationN[h][b] >= 50) {
                    sb.append(String.format(Locale.ROOT, " %.2f->%.2f", calibrationP[h][b] / calibrationN[h][b],
                            calibrationHit[h][b] / calibrationN[h][b]));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** One error accumulator. */
    private static final class Cell {
        double spaces;
        double share;
        long n;

        void add(double error, int capacity) {
            spaces += Math.abs(error);
            share += Math.abs(error) / capacity;
            n++;
        }

        double spaces() {
            return n == 0 ? Double.NaN : spaces / n;
        }

        double percent() {
            return n == 0 ? Double.NaN : 100 * share / n;
        }
    }
}
