package de.parkleit.guidance;

import de.parkleit.core.state.FacilityState;
import java.time.Instant;

/**
 * Forecasts the free spaces of a facility at an arrival time from its live state. Guidance calls
 * it only for facilities with a fresh number ({@link Availability#OPEN}); unknown ones get
 * {@link Prediction#unknown}. Implementations are thread-safe (searches run on several workers).
 * The forecaster of {@code de.parkleit.prediction} plugs in through a small adapter.
 */
@FunctionalInterface
public interface ArrivalForecast {

    Prediction predict(String facilityId, FacilityState live, Instant arrival);
}
