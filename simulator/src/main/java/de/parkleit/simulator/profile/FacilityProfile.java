package de.parkleit.simulator.profile;

import de.parkleit.core.facility.Facility;

/**
 * How one facility follows its shape.
 *
 * @param scale        multiplies the shape (0.8..1.05): some garages never fill, others do
 * @param shiftMinutes the facility's day runs this much later (negative: earlier), -20..20
 * @param noiseSeed    seeds the facility's day-to-day and within-day variation
 */
public record FacilityProfile(Facility facility, ShapeKind kind, double scale, int shiftMinutes, long noiseSeed) {
}
