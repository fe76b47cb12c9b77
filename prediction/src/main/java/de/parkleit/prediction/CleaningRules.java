package de.parkleit.prediction;

/**
 * The rules that turn raw free-space readings into values fit for training and evaluation. Defaults (see
 * {@link #defaults()}) were set by looking at the Münster 2024 export, January to June, and are explained in
 * {@code docs/prediction.md}:
 * <ol>
 *   <li>a value above the capacity is dropped;</li>
 *   <li>a bare {@code 0} means "not connected" unless it follows a near-full reading: a run of zeros is kept only if
 *       the last valid reading before it is at most {@code max(nearFullMinSpaces, nearFullShare * capacity)} free
 *       and at most {@code zeroLookbackMinutes} older, and the run lasts at most {@code maxFullRunMinutes};
 *       an explicit "full" code always counts;</li>
 *   <li>a frozen daytime run is dropped: the same non-zero value for at least {@code frozenMinutes} between
 *       {@code dayStartMinute} and {@code dayEndMinute} local time (a busy car park changes every few minutes by
 *       day, a dead feed repeats its last value). The whole run goes.</li>
 * </ol>
 * Readings further apart than {@code maxGapMinutes} do not belong to the same run.
 */
public record CleaningRules(double nearFullShare, int nearFullMinSpaces, int zeroLookbackMinutes,
                            int maxFullRunMinutes, int frozenMinutes, int dayStartMinute, int dayEndMinute,
                            int maxGapMinutes) {

    public CleaningRules {
        if (!(nearFullShare >= 0 && nearFullShare < 1)) {
            throw new IllegalArgumentException("nearFullShare must be in [0, 1), got " + nearFullShare);
        }
        if (nearFullMinSpaces < 0 || zeroLookbackMinutes < 0 || maxFullRunMinutes <= 0 || frozenMinutes <= 0
                || maxGapMinutes <= 0) {
            throw new IllegalArgumentException("cleaning durations and space counts must be positive");
        }
        if (dayStartMinute < 0 || dayEndMinute > 1440 || dayStartMinute >= dayEndMinute) {
            throw new IllegalArgumentException("daytime window must lie in [0, 1440), got "
                    + dayStartMinute + ".." + dayEndMinute);
        }
    }

    /** 5 % / 3 spaces near-full, 30 min look-back, 6 h longest full run, 60 min frozen 08:00–20:00, 60 min gap. */
    public static CleaningRules defaults() {
        return new CleaningRules(0.05, 3, 30, 360, 60, 8 * 60, 20 * 60, 60);
    }

    /** Free spaces at or below which a car park counts as near full. */
    public double nearFullSpaces(int capacity) {
        return Math.max(nearFullMinSpaces, nearFullShare * capacity);
    }
}
