package de.parkleit.routing.graph;

import java.util.Locale;

/** The OSM {@code highway} class of an edge, kept per edge for speed defaults and reports. */
public enum RoadClass {
    MOTORWAY, MOTORWAY_LINK, TRUNK, TRUNK_LINK, PRIMARY, PRIMARY_LINK, SECONDARY, SECONDARY_LINK,
    TERTIARY, TERTIARY_LINK, UNCLASSIFIED, RESIDENTIAL, LIVING_STREET, SERVICE, ROAD, TRACK,
    PEDESTRIAN, FOOTWAY, PATH, STEPS, CYCLEWAY, BRIDLEWAY, CORRIDOR, OTHER;

    private static final RoadClass[] VALUES = values();

    /** The class of an OSM {@code highway=*} value; {@link #OTHER} for anything unknown. */
    public static RoadClass fromOsm(String highway) {
        if (highway == null) {
            return OTHER;
        }
        try {
            return valueOf(highway.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return OTHER;
        }
    }

    static RoadClass of(int ordinal) {
        return VALUES[ordinal];
    }
}
