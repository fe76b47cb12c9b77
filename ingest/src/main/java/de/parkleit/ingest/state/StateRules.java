package de.parkleit.ingest.state;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Tuning of the live state.
 *
 * @param staleAfter   a facility without a reading for this long becomes {@code unknown}
 * @param trendWindow  occupancy change over this window decides the trend
 * @param jumpShare    a change of more than this share of capacity within {@code jumpWindow} is flagged as a jump
 * @param jumpWindow   see {@code jumpShare}
 * @param driftShare   counter-derived nights more than this share of capacity below the usual night level flag drift
 * @param zone         local time zone of the city (decides what "night" is)
 */
public record StateRules(Duration staleAfter, Duration trendWindow, double jumpShare, Duration jumpWindow,
                         double driftShare, ZoneId zone) {

    public StateRules {
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(trendWindow, "trendWindow");
        Objects.requireNonNull(jumpWindow, "jumpWindow");
        Objects.requireNonNull(zone, "zone");
        if (!(jumpShare > 0 && jumpShare <= 1) || !(driftShare > 0 && driftShare <= 1)) {
            throw new IllegalArgumentException("jumpShare and driftShare must be in (0, 1]");
        }
    }

    public static StateRules defaults(Duration staleAfter, ZoneId zone) {
        return new StateRules(staleAfter, Duration.ofMinutes(15), 0.5, Duration.ofMinutes(5), 0.1, zone);
    }
}
