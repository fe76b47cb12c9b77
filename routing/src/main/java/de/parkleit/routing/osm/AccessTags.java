package de.parkleit.routing.osm;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OSM access hierarchy for one mode: the most specific key with a recognised value decides
 * (for a car {@code motorcar > motor_vehicle > vehicle > access}); {@code a;b} lists allow if any
 * entry allows. Conditional restrictions are not evaluated.
 */
final class AccessTags {

    static final Set<String> ALLOWED = Set.of("yes", "designated", "permissive", "destination", "customers", "official");
    static final Set<String> RESTRICTED = Set.of("no", "private", "agricultural", "forestry", "delivery",
            "restricted", "military", "emergency", "permit", "use_sidepath");

    enum Verdict { ALLOWED, RESTRICTED, UNSPECIFIED }

    private AccessTags() {
    }

    static Verdict decide(Map<String, String> tags, List<String> keysMostSpecificFirst) {
        for (String key : keysMostSpecificFirst) {
            Verdict v = verdict(tags.get(key));
            if (v != Verdict.UNSPECIFIED) {
                return v;
            }
        }
        return Verdict.UNSPECIFIED;
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
