/**
 * Guidance: ranks the facilities near a destination by expected total time (drive, search/queue,
 * weighted walk, a penalty for arriving to a full facility) and counts recommendations already
 * issued against the predicted free spaces (closed loop, {@code IssuedLedger}). Live state comes from the
 * live-state board ({@code LiveFacilities} is guidance's view of a {@code core.live.LiveBoard}); arrival
 * forecasts through the {@code ArrivalForecast} port ({@code TrendForecast}, or the model in
 * {@code guidance.forecast}). Pure Java: no Vert.x; the service wiring lives in {@code de.parkleit.guidance.service}.
 */
package de.parkleit.guidance;
