package de.parkleit.core.facility;

import de.parkleit.core.Ids;
import java.util.Objects;

/**
 * A parking facility of a city: a garage, lot or a group of on-street spaces.
 *
 * @param capacity number of public spaces (&gt; 0)
 */
public record Facility(String id, String name, FacilityType type, double lat, double lon, int capacity, String address) {

    public Facility {
        Ids.require(id, "facility id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("facility " + id + ": position out of range: " + lat + "," + lon);
        }
        if (capacity <= 0) {
            throw new IllegalArgumentException("facility " + id + ": capacity must be > 0, got " + capacity);
        }
        address = address == null ? "" : address;
    }
}
