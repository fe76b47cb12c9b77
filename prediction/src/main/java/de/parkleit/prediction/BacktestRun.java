package de.parkleit.prediction;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The evaluation loop of a backtest: each facility's clean series is fed slot by slot into a {@link SlotHistory};
 * at every test slot with a valid value, every method forecasts 5 to 60 minutes and 2, 6 and 24 hours ahead from
 * that history alone, and
 * the forecast is scored against the clean value at the target (targets without a valid value are skipped). A
 * method that cannot forecast (too little history) falls back to persistence, so all methods are scored on the same
 * forecasts.
 */
final class BacktestRun {

    private final ModelForecaster model;
    private final List<PointForecaster> baselines;
    private final int historyWeeks;
    private final Consumer<String> progress;

    BacktestRun(ModelForecaster model, List<PointForecaster> baselines, int historyWeeks, Consumer<String> progress) {
        this.model = model;
        this.baselines = List.copyOf(baselines);
        this.historyWeeks = historyWeeks;
        this.progress = progress;
    }

    BacktestScores run(List<OccupancySeries> series, long testStart, long testEnd) {
        List<PointForecaster> methods = new ArrayList<>();
        methods.add(model);
        methods.addAll(baselines);
        BacktestScores scores = new BacktestScores(methods.stream().map(PointForecaster::name).toList());
        int hslIndex = indexOf(methods, HslForecaster.class);
        int done = 0;
        for (OccupancySeries s : series) {
            evaluate(s, methods, hslIndex, testStart, testEnd, scores);
            done++;
            progress.accept(String.format("evaluated %s (%d of %d)", s.facilityId(), done, series.size()));
        }
        return scores;
    }

    private void evaluate(OccupancySeries s, List<PointForecaster> methods, int hslIndex, long testStart,
                          long testEnd, BacktestScores scores) {
        SlotHistory history = new SlotHistory(s.facilityId(), s.clock(), s.capacity(), historyWeeks);
        long from = Math.max(s.firstSlot(), testStart - (long) historyWeeks * SlotClock.SLOTS_PER_WEEK);
        long to = Math.min(s.latestSlot(), testEnd - 1);
        double[] forecasts = new double[methods.size()];
        for (long slot = from; slot <= to; slot++) {
            double now = s.freeAt(slot);
            history.put(slot, now);
            if (slot < testStart || Double.isNaN(now)) {
                continue;
            }
            boolean saturday = s.clock().dayOfWeek(slot) == DayOfWeek.SATURDAY;
            int hour = s.clock().minuteOfDay(slot) / 60;
            for (int h : BacktestScores.HORIZONS) {
                if (slot + h >= testEnd) {
                    break;
                }
                double actual = s.freeAt(slot + h);
                if (Double.isNaN(actual)) {
                    continue;
                }
                for (int m = 0; m < methods.size(); m++) {
                    double f = methods.get(m).forecast(history, slot, h);
                    forecasts[m] = Double.isNaN(f) ? now : f;
                    scores.add(s.facilityId(), m, h, hour, saturday, forecasts[m] - actual, s.capacity());
                }
                double p = model.probabilityFree(history, slot, forecasts[0], h);
                double baseline = hslIndex < 0 ? 0.5 : forecasts[hslIndex] >= 0.5 ? 1 : 0;
                scores.addProbability(h, p, baseline, actual >= 1);
            }
        }
    }

    private static int indexOf(List<PointForecaster> methods, Class<?> type) {
        for (int i = 0; i < methods.size(); i++) {
            if (type.isInstance(methods.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
