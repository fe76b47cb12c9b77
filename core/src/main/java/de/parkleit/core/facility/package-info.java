/** Parking facilities: the static description of garages, lots and on-street zones. */
package de.parkleit.core.facility;
