package de.parkleit.cityinit.check;

import de.parkleit.cityinit.facilities.ImportedFacility;

/**
 * Where a facility meets the road network: the road its entrance snaps to and how far away it is.
 *
 * @param road   label of the OSM way snapped to, null if no road lies within the search radius
 * @param meters distance to that road, or {@code Double.POSITIVE_INFINITY}
 */
public record EntranceSnap(ImportedFacility facility, String road, double meters) {
}
