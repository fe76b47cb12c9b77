package de.parkleit.routing.osm;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OSM access hierarchy for one mode: the most specific key with a recognised value decides
 * (for a car {@code motorcar > motor_vehicle > vehicle > access}); {@code a;b} lists allow if any
 * entry allows. A restriction lifted at certain times by a {@code :conditional} tag counts as open.
 */
final class AccessTags {

    static final Set<String> ALLOWED = Set.of("yes", "designated", "permissive", "destination", "customers", "official");
    static final Set<String> RESTRICTED = Set.of("no", "private", "agricultural", "forestry", "delivery",
            "restricted", "military", "emergency", "permit", "use_sidepath");

    enum Verdict { ALLOWED, RESTRICTED, UNSPECIFIED }

    private AccessTags() {
    }

    static Verdict decide(Map<String, String> tags, List<String> keysMostSpecificFirst) {
        for (int i = 0; i < keysMostSpecificFirst.size(); i++) {
            Verdict v = verdict(tags.get(keysMostSpecificFirst.get(i)));
            if (v == Verdict.RESTRICTED && openAtTimes(tags, keysMostSpecificFirst.subList(0, i + 1))) {
                return Verdict.ALLOWED;
            }
            if (v != Verdict.UNSPECIFIED) {
                return v;
            }
        }
        return Verdict.UNSPECIFIED;
    }

    /**
     * Whether a {@code <key>:conditional} tag opens the way at certain times, e.g.
     * {@code motor_vehicle:conditional=destination @ (Mo-Fr 16:00-11:00)}. Time windows are not
     * evaluated: a way open at some hours counts as open (as GraphHopper does), because a static
     * graph cannot close it by the clock.
     */
    private static boolean openAtTimes(Map<String, String> tags, List<String> keys) {
        for (String key : keys) {
            String cond = tags.get(key + ":conditional");
            if (cond == null) {
                continue;
            }
            String[] parts = cond.split("@", 2);
            if (parts.length == 2 && ALLOWED.contains(parts[0].trim()) && parts[1].contains(":")) {
                return true;
            }
        }
        return false;
    }

    static Verdict verdict(String value) {
        if (value == null || value.isEmpty()) {
            return Verdict.UNSPECIFIED;
        }
        boolean restricted = false;
        for (String v : value.split(";")) {
            String t = v.trim();
            if (ALLOWED.contains(t)) {
                return Verdict.ALLOWED;
            }
            restricted |= RESTRICTED.contains(t);
        }
        return restricted ? Verdict.RESTRICTED : Verdict.UNSPECIFIED;
    }
}
