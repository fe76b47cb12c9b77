package de.parkleit.core.facility;

/** Kind of parking facility, as ParkAPI names them. */
public enum FacilityType {
    GARAGE, UNDERGROUND, LOT, ON_STREET, PARK_AND_RIDE, OTHER;

    /** Parses ParkAPI-style names ({@code garage}, {@code underground}, {@code lot}, ...); unknown ones become OTHER. */
    public static FacilityType parse(String s) {
        if (s == null) {
            return OTHER;
        }
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_')) {
            case "garage", "car_park", "multi_storey", "parkhaus" -> GARAGE;
            case "underground", "tiefgarage" -> UNDERGROUND;
            case "lot", "surface", "parkplatz" -> LOT;
            case "on_street", "street" -> ON_STREET;
            case "park_and_ride", "p+r", "park_ride" -> PARK_AND_RIDE;
            default -> OTHER;
        };
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
