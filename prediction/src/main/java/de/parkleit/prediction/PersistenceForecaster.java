package de.parkleit.prediction;

/** Baseline: the free spaces stay as they are now. */
public final class PersistenceForecaster implements PointForecaster {

    @Override
    public String name() {
        return "persistence";
    }

    @Override
    public double forecast(SeriesView view, long originSlot, int horizonSlots) {
        return view.freeAt(originSlot);
    }
}
