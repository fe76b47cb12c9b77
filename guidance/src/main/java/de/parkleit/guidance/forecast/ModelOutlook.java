package de.parkleit.guidance.forecast;

import de.parkleit.core.live.FreeSpaceOutlook;
import de.parkleit.core.state.FacilityState;
import de.parkleit.guidance.Availability;
import de.parkleit.guidance.LiveFacilities;
import java.time.Clock;
import java.util.OptionalDouble;

/**
 * Core's {@link FreeSpaceOutlook} port answered by guidance's forecast ({@link ModelForecast#outlook}: the trained
 * model where it can, else the live trend), with the rule of {@code GET /api/v1/facilities/{id}/forecast}: only an
 * open facility with a fresh free count gets a forecast; unknown, stale, closed and reserved ones get none.
 */
public final class ModelOutlook implements FreeSpaceOutlook {

    private final LiveFacilities live;
    private final ModelForecast forecast;
    private final Clock clock;

    public ModelOutlook(LiveFacilities live, ModelForecast forecast, Clock clock) {
        this.live = live;
        this.forecast = forecast;
        this.clock = clock;
    }

    @Override
    public OptionalDouble probabilityFree(String facilityId, int minutes) {
        if (minutes <= 0 || live.facility(facilityId).isEmpty()
                || live.availability(facilityId, clock.instant()) != Availability.OPEN) {
            return OptionalDouble.empty();
        }
        FacilityState s = live.state(facilityId);
        if (s == null || s.free() == null || s.capacity() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(forecast.outlook(facilityId, s, minutes).probabilityFree());
    }
}
