package de.parkleit.routing.osm;

import de.parkleit.routing.graph.TravelMode;
import java.util.Map;

/** The tag rules of one travel mode: which OSM ways it uses, in which direction, how fast. */
public interface WayRules {

    TravelMode mode();

    /** The rule for a way with these tags, or null if the mode cannot use it at all. */
    WayRule evaluate(Map<String, String> tags);

    /** Whether a node with these tags (a bollard, a locked gate) cuts the ways through it for this mode. */
    boolean blocksAt(Map<String, String> nodeTags);

    static WayRules of(TravelMode mode) {
        return switch (mode) {
            case CAR -> new CarRules();
            case FOOT -> new FootRules();
        };
    }
}
