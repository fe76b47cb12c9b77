package de.parkleit.cityinit.facilities;

import de.parkleit.core.facility.FacilityType;
import java.util.Objects;

/**
 * A facility as read from a source, before the city accepts it: capacity and opening hours may be
 * missing; {@code source} says where it came from ({@code osm way 123}, {@code datex2 record 4}).
 *
 * @param capacity     public spaces, null if the source has none
 * @param openingHours OSM {@code opening_hours} syntax or the source's text, null if not given
 * @param areaM2       ground area when the source is a polygon, else 0
 * @param url          the operator's page for the facility, null if not given
 */
public record ImportedFacility(String id, String name, FacilityType type, double lat, double lon, Integer capacity,
                               String openingHours, String address, String source, double areaM2, String url) {

    /** A facility without a web page. */
    public ImportedFacility(String id, String name, FacilityType type, double lat, double lon, Integer capacity,
                            String openingHours, String address, String source, double areaM2) {
        this(id, name, type, lat, lon, capacity, openingHours, address, source, areaM2, null);
    }

    public ImportedFacility {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException(source + ": position out of range: " + lat + "," + lon);
        }
        address = address == null ? "" : address;
    }

    public ImportedFacility withId(String newId) {
        return new ImportedFacility(newId, name, type, lat, lon, capacity, openingHours, address, source, areaM2, url);
    }

    public boolean hasCapacity() {
        return capacity != null && capacity > 0;
    }
}
