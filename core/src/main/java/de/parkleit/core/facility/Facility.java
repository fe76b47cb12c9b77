package de.parkleit.core.facility;

import de.parkleit.core.Ids;
import java.util.Objects;

/**
 * A parking facility of a city: a garage, lot or a group of on-street spaces.
 *
 * @param capacity number of public spaces (&gt; 0)
 * @param address postal address, {@code ""} when unknown
 * @param openingHours opening hours in OpenStreetMap {@code opening_hours} syntax (e.g. {@code Mo-Sa 07:00-23:00},
 *        {@code 24/7}), {@code ""} when unknown
 * @param url the operator's public page for the facility, {@code ""} when unknown
 */
public record Facility(String id, String name, FacilityType type, double lat, double lon, int capacity, String address,
        String openingHours, String url) {

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
        openingHours = openingHours == null ? "" : openingHours.trim();
        url = url == null ? "" : url.trim();
    }

    /** A facility whose opening hours and web page are unknown. */
    public Facility(String id, String name, FacilityType type, double lat, double lon, int capacity, String address) {
        this(id, name, type, lat, lon, capacity, address, "", "");
    }
}
