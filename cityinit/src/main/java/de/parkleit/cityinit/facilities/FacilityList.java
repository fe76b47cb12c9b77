package de.parkleit.cityinit.facilities;

import java.util.List;

/**
 * What a facility source held: the facilities read (ids made city-neutral and unique), the entries
 * it could not use with the reason each, and how many entries it had in all.
 */
public record FacilityList(String source, List<ImportedFacility> facilities, List<String> rejected, int entries) {

    public FacilityList {
        facilities = List.copyOf(facilities);
        rejected = List.copyOf(rejected);
    }
}
