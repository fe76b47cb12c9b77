package de.parkleit.prediction;

/**
 * Settings of the forecasting model that are chosen, not fitted. Defaults were chosen on a validation split inside
 * the training period (see {@code docs/prediction.md}).
 *
 * @param profileWeeks  weeks of history the weekday x time-of-day profile averages (same weekday, same local time)
 * @param recentSlots   length of the recent window, in five-minute slots, compared with the profile
 * @param trendSlots    the recent trend is the change over this many slots
 * @param historyWeeks  weeks of history a live forecaster keeps (at least {@code profileWeeks + 1})
 */
public record ModelSettings(int profileWeeks, int recentSlots, int trendSlots, int historyWeeks) {

    public ModelSettings {
        if (profileWeeks < 1 || recentSlots < 1 || trendSlots < 1) {
            throw new IllegalArgumentException("profileWeeks, recentSlots and trendSlots must be >= 1");
        }
        if (historyWeeks < Math.max(profileWeeks, 3) + 1) {
            throw new IllegalArgumentException("historyWeeks must be > max(profileWeeks, 3), got " + historyWeeks);
        }
    }

    public static ModelSettings defaults() {
        return new ModelSettings(8, 24, 3, 10);
    }
}
