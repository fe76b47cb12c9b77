package de.parkleit.prediction;

/**
 * A {@link ForecastModel} as a {@link PointForecaster}, for backtests. Remembers the last origin it prepared, so
 * asking for several horizons at one origin computes the origin state once. Not thread-safe.
 */
public final class ModelForecaster implements PointForecaster {

    private final ForecastModel model;
    private final double[] buffer = new double[ProfileFeatures.COUNT];
    private SeriesView lastView;
    private long lastSlot;
    private long lastLatest;
    private ProfileFeatures.Origin lastOrigin;

    public ModelForecaster(ForecastModel model) {
        this.model = model;
    }

    @Override
    public String name() {
        return "model";
    }

    @Override
    public double forecast(SeriesView view, long originSlot, int horizonSlots) {
        double x0 = view.shareAt(originSlot);
        if (Double.isNaN(x0)) {
            return Double.NaN;
        }
        if (view != lastView || originSlot != lastSlot || view.latestSlot() != lastLatest) {
            lastView = view;
            lastSlot = originSlot;
            lastLatest = view.latestSlot();
            lastOrigin = model.features().origin(view, originSlot);
        }
        double share = lastOrigin == null ? x0 : model.forecastShare(view, lastOrigin, horizonSlots, buffer);
        return share * view.capacity();
    }

    /** Probability of at least one free space for a forecast this forecaster made at the origin. */
    public double probabilityFree(SeriesView view, long originSlot, double forecastFree, int horizonSlots) {
        return model.probabilityFree(view.facilityId(), view.freeAt(originSlot), forecastFree, horizonSlots);
    }
}
