package de.parkleit.dashboard.opendata.datex2;

import de.parkleit.core.live.AvailabilityLevel;

/**
 * The thresholds the exports publish, in <b>percent of occupancy</b> (occupied spaces / capacity × 100), the same unit
 * as {@code parkingOccupancy}: they are the ones the published site status follows, which is the map's
 * {@link AvailabilityLevel} (almost full once fewer than {@link AvailabilityLevel#FEW_SHARE} of the spaces are free,
 * full when none is), so they have no hysteresis: the rising and falling value are equal. The signs' own hysteresis
 * thresholds (guidance) are not these. Note that some feeds (Aachen's) put vacant-space counts in the v2.3 fields;
 * v3.6 names the unit ({@code …ThresholdInPercent}).
 */
final class PublishedThresholds {

    /** Occupancy in percent above which a facility is {@code almostFull}. */
    static final int ALMOST_FULL_PERCENT = (int) Math.round((1 - AvailabilityLevel.FEW_SHARE) * 100);
    /** Occupancy in percent at which a facility is {@code full}. */
    static final int FULL_PERCENT = 100;

    private PublishedThresholds() {
    }
}
