package de.parkleit.simulator.profile;

import de.parkleit.core.facility.Facility;
import java.util.Locale;

/**
 * Clusters of Münster car parks with a similar day: central shopping garages (full on Saturdays),
 * surface lots, garages by the station and offices (weekday commuters), the cinema garage (evenings).
 */
public enum ShapeKind {
    CENTRAL, LOT, STATION, CINEMA;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ShapeKind parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * The shape a facility follows, fixed by its type and id (not by the seed, so a facility keeps
     * its character across runs): lots and on-street spaces follow LOT, park-and-ride STATION;
     * garages are CENTRAL (60 %), STATION (30 %) or CINEMA (10 %) by a hash of the id.
     */
    public static ShapeKind forFacility(Facility f) {
        return switch (f.type()) {
            case LOT, ON_STREET -> LOT;
            case PARK_AND_RIDE -> STATION;
            default -> {
                long h = Mix.mix(f.id().hashCode() * 0x9E3779B97F4A7C15L + 17);
                int bucket = (int) Long.remainderUnsigned(h, 10);
                yield bucket < 6 ? CENTRAL : bucket < 9 ? STATION : CINEMA;
            }
        };
    }
}
