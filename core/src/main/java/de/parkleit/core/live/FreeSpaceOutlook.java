package de.parkleit.core.live;

import java.util.OptionalDouble;

/**
 * The forecaster's outlook for a facility, as a port: the probability that at least one space is free a number of
 * minutes from now. Implemented where the forecaster lives (guidance) and handed by {@code app} to services that
 * publish it (the dashboard's DATEX II v3.6 status export), so those never import the forecaster.
 */
@FunctionalInterface
public interface FreeSpaceOutlook {

    /** No forecaster (a node without a road network, or tests): every answer is empty. */
    FreeSpaceOutlook NONE = (facilityId, minutes) -> OptionalDouble.empty();

    /**
     * @param minutes time ahead of now (&gt; 0)
     * @return the probability (0..1) of a free space then; empty when the facility gets no forecast (unknown,
     *         closed or reserved, no fresh data)
     */
    OptionalDouble probabilityFree(String facilityId, int minutes);
}
