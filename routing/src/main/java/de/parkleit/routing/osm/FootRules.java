package de.parkleit.routing.osm;

import de.parkleit.routing.graph.RoadClass;
import de.parkleit.routing.graph.TravelMode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pedestrian rules: footways, paths, steps, pedestrian zones and every road below trunk, in both
 * directions at walking speed. Trunk roads and cycleways only with {@code foot=yes|designated}
 * or a sidewalk; motorways never. {@code foot=no|use_sidepath} or {@code access=no} without a
 * foot permission exclude a way.
 */
public final class FootRules implements WayRules {

    /** Walking speed in km/h (GraphHopper's foot profile uses the same 5 km/h). */
    public static final double WALK_KMH = 5;
    private static final List<String> ACCESS_KEYS = List.of("foot", "access");
    private static final Set<RoadClass> WALKABLE = Set.of(RoadClass.FOOTWAY, RoadClass.PEDESTRIAN, RoadClass.PATH,
            RoadClass.STEPS, RoadClass.LIVING_STREET, RoadClass.RESIDENTIAL, RoadClass.SERVICE, RoadClass.UNCLASSIFIED,
            RoadClass.TRACK, RoadClass.ROAD, RoadClass.TERTIARY, RoadClass.TERTIARY_LINK, RoadClass.SECONDARY,
            RoadClass.SECONDARY_LINK, RoadClass.PRIMARY, RoadClass.PRIMARY_LINK, RoadClass.CORRIDOR);
    private static final Set<RoadClass> ONLY_IF_ALLOWED = Set.of(RoadClass.TRUNK, RoadClass.TRUNK_LINK,
            RoadClass.CYCLEWAY, RoadClass.BRIDLEWAY);

    @Override
    public TravelMode mode() {
        return TravelMode.FOOT;
    }

    @Override
    public boolean blocksAt(Map<String, String> nodeTags) {
        return nodeTags.containsKey("barrier")
                && AccessTags.decide(nodeTags, ACCESS_KEYS) == AccessTags.Verdict.RESTRICTED;
    }

    @Override
    public WayRule evaluate(Map<String, String> tags) {
        RoadClass rc = RoadClass.fromOsm(tags.get("highway"));
        AccessTags.Verdict access = AccessTags.decide(tags, ACCESS_KEYS);
        if (access == AccessTags.Verdict.RESTRICTED || "yes".equals(tags.get("impassable"))) {
            return null;
        }
        boolean usable = WALKABLE.contains(rc)
                || (ONLY_IF_ALLOWED.contains(rc) && (access == AccessTags.Verdict.ALLOWED || hasSidewalk(tags)));
        if (!usable) {
            return null;
        }
        double kmh = rc == RoadClass.STEPS ? WALK_KMH * 0.6 : WALK_KMH;
        return new WayRule(rc, true, true, kmh, kmh);
    }

    private static boolean hasSidewalk(Map<String, String> tags) {
        String s = tags.getOrDefault("sidewalk", tags.getOrDefault("sidewalk:both", "no"));
        return s.equals("both") || s.equals("left") || s.equals("right") || s.equals("yes");
    }
}
