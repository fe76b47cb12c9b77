package de.parkleit.cityinit.facilities;

import de.parkleit.core.facility.FacilityType;
import java.util.Locale;
import java.util.Map;

/** The facility type from OSM tags, or guessed from a name when a feed carries no type. */
public final class FacilityTypes {

    private FacilityTypes() {
    }

    /** The building form first ({@code parking=multi-storey|underground}), then {@code park_ride}, then the surface kinds. */
    public static FacilityType fromOsm(Map<String, String> tags) {
        String parking = tags.getOrDefault("parking", "");
        switch (parking) {
            case "multi-storey", "rooftop":
                return FacilityType.GARAGE;
            case "underground":
                return FacilityType.UNDERGROUND;
            default:
                break;
        }
        if (tags.containsKey("park_ride") && !"no".equals(tags.get("park_ride"))) {
            return FacilityType.PARK_AND_RIDE;
        }
        return switch (parking) {
            case "street_side", "lane", "on_street", "layby" -> FacilityType.ON_STREET;
            default -> FacilityType.LOT;
        };
    }

    /** A type named in the text itself ({@code garage}, {@code underground}…), else from words in the name. */
    public static FacilityType guess(String type, String name) {
        FacilityType t = FacilityType.parse(type);
        if (t != FacilityType.OTHER || name == null) {
            return t;
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("tiefgarage") || n.startsWith("tg ") || n.contains("underground")) {
            return FacilityType.UNDERGROUND;
        }
        if (n.contains("parkhaus") || n.startsWith("ph ") || n.contains("garage") || n.contains("parkdeck")) {
            return FacilityType.GARAGE;
        }
        if (n.contains("p+r") || n.contains("p&r") || n.contains("park and ride") || n.contains("park & ride")) {
            return FacilityType.PARK_AND_RIDE;
        }
        if (n.contains("parkplatz")) {
            return FacilityType.LOT;
        }
        return FacilityType.OTHER;
    }
}
