package de.parkleit.routing.osm;

import de.parkleit.routing.graph.RoadClass;
import de.parkleit.routing.graph.TravelMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Car rules. Uses motorway to service roads, {@code road}, tracks of grade 1–3 and pedestrian
 * zones only where cars are explicitly allowed. Access follows {@link AccessTags}; one-way from
 * {@code oneway} ({@code yes|1|true}, {@code -1|reverse}, {@code no}), implied on roundabouts
 * motorways and motorway links, and from {@code vehicle|motor_vehicle:forward|backward=no}; reversible ways
 * are skipped. Barrier nodes (bollards, blocks…) cut a way unless cars are allowed through.
 * Free-flow speed is 90 % of the limit ({@link MaxSpeed}) or of the class default.
 */
public final class CarRules implements WayRules {

    /** Share of the limit a car keeps on average between junctions (same order as GraphHopper's car model). */
    static final double LIMIT_SHARE = 0.9;
    private static final List<String> ACCESS_KEYS = List.of("motorcar", "motor_vehicle", "vehicle", "access");
    /** Barriers no car passes unless the node says it may (the set GraphHopper's car uses). */
    private static final Set<String> BARRIERS = Set.of("kissing_gate", "fence", "bollard", "stile", "turnstile",
            "cycle_barrier", "motorcycle_barrier", "block", "bus_trap", "sump_buster", "jersey_barrier");
    private static final Set<String> TRACK_GRADES = Set.of("grade1", "grade2", "grade3");
    private static final Map<RoadClass, Double> DEFAULT_LIMIT = defaultLimits();

    private static Map<RoadClass, Double> defaultLimits() {
        Map<RoadClass, Double> m = new EnumMap<>(RoadClass.class);
        m.put(RoadClass.MOTORWAY, MaxSpeed.NO_LIMIT_KMH);
        m.put(RoadClass.MOTORWAY_LINK, 80.0);
        m.put(RoadClass.TRUNK, 100.0);
        m.put(RoadClass.TRUNK_LINK, 60.0);
        m.put(RoadClass.PRIMARY, 70.0);
        m.put(RoadClass.PRIMARY_LINK, 50.0);
        m.put(RoadClass.SECONDARY, 60.0);
        m.put(RoadClass.SECONDARY_LINK, 50.0);
        m.put(RoadClass.TERTIARY, 50.0);
        m.put(RoadClass.TERTIARY_LINK, 40.0);
        m.put(RoadClass.UNCLASSIFIED, 50.0);
        m.put(RoadClass.RESIDENTIAL, 30.0);
        m.put(RoadClass.LIVING_STREET, MaxSpeed.WALK_KMH);
        m.put(RoadClass.SERVICE, 20.0);
        m.put(RoadClass.ROAD, 30.0);
        m.put(RoadClass.TRACK, 15.0);
        m.put(RoadClass.PEDESTRIAN, MaxSpeed.WALK_KMH);
        return Collections.unmodifiableMap(m);
    }

    @Override
    public TravelMode mode() {
        return TravelMode.CAR;
    }

    @Override
    public boolean blocksAt(Map<String, String> nodeTags) {
        String barrier = nodeTags.get("barrier");
        if (barrier == null) {
            return false;
        }
        AccessTags.Verdict access = AccessTags.decide(nodeTags, ACCESS_KEYS);
        return access == AccessTags.Verdict.RESTRICTED
                || (BARRIERS.contains(barrier) && access != AccessTags.Verdict.ALLOWED);
    }

    @Override
    public WayRule evaluate(Map<String, String> tags) {
        RoadClass rc = RoadClass.fromOsm(tags.get("highway"));
        if (!DEFAULT_LIMIT.containsKey(rc) || "yes".equals(tags.get("area"))
                || "yes".equals(tags.get("impassable")) || "emergency_access".equals(tags.get("service"))) {
            return null;
        }
        if (rc == RoadClass.TRACK && tags.containsKey("tracktype") && !TRACK_GRADES.contains(tags.get("tracktype"))) {
            return null;
        }
        AccessTags.Verdict access = AccessTags.decide(tags, ACCESS_KEYS);
        if (access == AccessTags.Verdict.RESTRICTED || (rc == RoadClass.PEDESTRIAN && access != AccessTags.Verdict.ALLOWED)) {
            return null;
        }
        String oneway = tags.getOrDefault("oneway", "");
        if (oneway.equals("reversible") || oneway.equals("alternating")) {
            return null;
        }
        boolean reverse = oneway.equals("-1") || oneway.equals("reverse");
        boolean forward = !reverse && !directionBlocked(tags, "forward");
        boolean backward = (reverse || !isOneway(oneway, tags, rc)) && !directionBlocked(tags, "backward");
        if (!forward && !backward) {
            return null;
        }
        return new WayRule(rc, forward, backward, speed(tags, rc, true), speed(tags, rc, false));
    }

    private static boolean isOneway(String oneway, Map<String, String> tags, RoadClass rc) {
        return switch (oneway) {
            case "yes", "true", "1", "-1", "reverse" -> true;
            case "no", "false", "0" -> false;
            default -> {
                String junction = tags.getOrDefault("junction", "");
                yield junction.equals("roundabout") || junction.equals("circular") || rc == RoadClass.MOTORWAY
                        || rc == RoadClass.MOTORWAY_LINK;
            }
        };
    }

    private static boolean directionBlocked(Map<String, String> tags, String direction) {
        return AccessTags.verdict(tags.get("motor_vehicle:" + direction)) == AccessTags.Verdict.RESTRICTED
                || AccessTags.verdict(tags.get("vehicle:" + direction)) == AccessTags.Verdict.RESTRICTED;
    }

    private static double speed(Map<String, String> tags, RoadClass rc, boolean forward) {
        double limit = MaxSpeed.of(tags, forward);
        if (Double.isNaN(limit)) {
            limit = DEFAULT_LIMIT.get(rc);
        }
        if (rc == RoadClass.LIVING_STREET || rc == RoadClass.PEDESTRIAN) {
            limit = Math.min(limit, MaxSpeed.WALK_KMH * 2);
        }
        return Math.max(5, Math.min(limit, MaxSpeed.NO_LIMIT_KMH) * LIMIT_SHARE);
    }
}
