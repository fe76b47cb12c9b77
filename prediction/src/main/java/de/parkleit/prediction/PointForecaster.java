package de.parkleit.prediction;

/**
 * A method that forecasts the free spaces of one facility from its recent past. Implementations are stateless
 * or immutable and see only what the {@link SeriesView} shows, so a backtest cannot leak the future into them.
 */
public interface PointForecaster {

    /** Short name for reports. */
    String name();

    /**
     * Free spaces expected at slot {@code originSlot + horizonSlots}, given the view up to {@code originSlot}, or
     * {@code NaN} if this method has too little history to say. The caller guarantees a valid value at the origin.
     */
    double forecast(SeriesView view, long originSlot, int horizonSlots);
}
