package de.parkleit.core.city;

import de.parkleit.core.facility.Facility;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A city as parkleit knows it: a name, its facilities, and where its road network lies.
 *
 * @param roadNetwork OSM PBF extract of the city's roads, or null if the city has none
 * @param folder      the city folder it was loaded from
 * @param timezone    {@code timezone} in the city's {@code city.properties}, or null if it names none
 * @param locale      {@code locale} in the city's {@code city.properties} (e.g. {@code de}), or null
 */
public record City(String name, List<Facility> facilities, Path roadNetwork, Path folder, String timezone, String locale) {

    /** A city whose folder names no timezone and no locale. */
    public City(String name, List<Facility> facilities, Path roadNetwork, Path folder) {
        this(name, facilities, roadNetwork, folder, null, null);
    }

    public City {
        Objects.requireNonNull(name, "name");
        facilities = List.copyOf(facilities);
        Map<String, Facility> seen = new LinkedHashMap<>();
        for (Facility f : facilities) {
            if (seen.put(f.id(), f) != null) {
                throw new IllegalArgumentException("city " + name + ": duplicate facility id " + f.id());
            }
        }
    }

    public Optional<Facility> facility(String id) {
        return facilities.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public int totalCapacity() {
        return facilities.stream().mapToInt(Facility::capacity).sum();
    }
}
