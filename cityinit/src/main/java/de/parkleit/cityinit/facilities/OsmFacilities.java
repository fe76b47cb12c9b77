package de.parkleit.cityinit.facilities;

import de.parkleit.cityinit.extract.OsmParking;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Facilities from the {@code amenity=parking} nodes and areas of the extract. Private ones
 * ({@code access=private|no|customers|permit|delivery}) are left out; the capacity is the
 * {@code capacity} tag (missing if absent or not a number). Ids are {@code osm-node-N} / {@code osm-way-N} / {@code osm-relation-N} (multipolygons).
 */
public final class OsmFacilities {

    private static final Set<String> NOT_PUBLIC = Set.of("private", "no", "customers", "permit", "delivery", "employees");

    private OsmFacilities() {
    }

    public static FacilityList of(List<OsmParking> parking) {
        List<ImportedFacility> out = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        FacilityIds ids = new FacilityIds();
        for (OsmParking p : parking) {
            String source = "osm " + p.kind() + " " + p.id();
            String access = p.tags().getOrDefault("access", "");
            if (NOT_PUBLIC.contains(access)) {
                rejected.add(source + ": access=" + access + " (not public)");
                continue;
            }
            String name = p.tags().getOrDefault("name", p.tags().getOrDefault("operator", "Parking " + p.kind() + " " + p.id()));
            out.add(new ImportedFacility(ids.next("osm-" + p.kind() + "-" + p.id(), "osm"), name,
                    FacilityTypes.fromOsm(p.tags()), p.lat(), p.lon(), capacity(p.tags().get("capacity")),
                    p.tags().get("opening_hours"), address(p), source, p.areaM2()));
        }
        return new FacilityList("OSM amenity=parking", out, rejected, parking.size());
    }

    static Integer capacity(String tag) {
        if (tag == null) {
            return null;
        }
        try {
            return Integer.parseInt(tag.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String address(OsmParking p) {
        String street = p.tags().get("addr:street");
        if (street == null) {
            return "";
        }
        String no = p.tags().getOrDefault("addr:housenumber", "");
        String city = p.tags().getOrDefault("addr:city", "");
        return (street + " " + no).trim() + (city.isEmpty() ? "" : ", " + city);
    }
}
