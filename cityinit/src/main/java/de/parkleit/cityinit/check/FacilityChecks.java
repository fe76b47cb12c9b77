package de.parkleit.cityinit.check;

import de.parkleit.cityinit.facilities.ImportedFacility;
import de.parkleit.core.facility.FacilityType;
import de.parkleit.routing.graph.EarthDistance;
import de.parkleit.routing.graph.EdgeSnapper;
import de.parkleit.routing.graph.Snap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks on the facilities against the road graph: entrance snap (road and distance), far from
 * any road, duplicates (same name or within {@value #DUPLICATE_METERS} m), missing or implausible capacity.
 */
final class FacilityChecks {

    /** Farther than this from every road, guidance cannot route there (routing's snap radius). */
    static final double OFF_NETWORK_METERS = 300;
    /** Farther than this, the entrance is probably not on the road it snaps to. */
    static final double FAR_METERS = 100;
    static final double DUPLICATE_METERS = 30;
    /** A surface lot needs at least this much ground per space (stall plus aisle share). */
    static final double MIN_M2_PER_SURFACE_SPACE = 10;
    static final int MAX_PLAUSIBLE_CAPACITY = 10_000;
    static final int MIN_GARAGE_CAPACITY = 5;
    private static final double SEARCH_METERS = 50_000;

    private FacilityChecks() {
    }

    static EntranceSnap snap(EdgeSnapper snapper, Map<Long, String> roadLabels, ImportedFacility f) {
        Optional<Snap> s = snapper.snap(f.lat(), f.lon(), SEARCH_METERS);
        if (s.isEmpty()) {
            return new EntranceSnap(f, null, Double.POSITIVE_INFINITY);
        }
        long way = snapper.graph().wayId(s.get().segment());
        return new EntranceSnap(f, roadLabels.getOrDefault(way, "way " + way), s.get().distanceMeters());
    }

    static void distance(EntranceSnap s, List<Finding> out) {
        String subject = subject(s.facility());
        if (s.meters() > OFF_NETWORK_METERS) {
            out.add(new Finding(Finding.Severity.ERROR, subject, s.road() == null ? "no road in the network at all"
                    : String.format(Locale.ROOT, "outside the road network: %.0f m from the nearest road (%s); guidance cannot route "
                    + "there, so city init keeps it out of facilities.geojson", s.meters(), s.road())));
        } else if (s.meters() > FAR_METERS) {
            out.add(new Finding(Finding.Severity.WARNING, subject,
                    String.format(Locale.ROOT, "far from any road: %.0f m to %s", s.meters(), s.road())));
        }
    }

    /** Missing capacity (kept, flagged) and capacities no facility of this kind can have. */
    static void capacity(ImportedFacility f, List<Finding> out) {
        String subject = subject(f);
        if (!f.hasCapacity()) {
            out.add(new Finding(Finding.Severity.WARNING, subject, "no capacity" + (f.capacity() != null ? " (" + f.capacity() + ")" : "")
                    + ": kept in facilities.unconfirmed.geojson until one is entered"));
            return;
        }
        if (f.capacity() > MAX_PLAUSIBLE_CAPACITY) {
            out.add(new Finding(Finding.Severity.WARNING, subject, "implausible capacity " + f.capacity() + " (more than "
                    + MAX_PLAUSIBLE_CAPACITY + ")"));
        } else if ((f.type() == FacilityType.GARAGE || f.type() == FacilityType.UNDERGROUND) && f.capacity() < MIN_GARAGE_CAPACITY) {
            out.add(new Finding(Finding.Severity.WARNING, subject, "implausible capacity " + f.capacity() + " for a "
                    + f.type().wireName() + " (fewer than " + MIN_GARAGE_CAPACITY + " spaces)"));
        } else if (f.areaM2() > 0 && (f.type() == FacilityType.LOT || f.type() == FacilityType.ON_STREET)
                && f.capacity() * MIN_M2_PER_SURFACE_SPACE > f.areaM2()) {
            out.add(new Finding(Finding.Severity.WARNING, subject, String.format(Locale.ROOT,
                    "implausible capacity %d for a %s of %.0f m² (a space needs at least %.0f m²)", f.capacity(),
                    f.type().wireName(), f.areaM2(), MIN_M2_PER_SURFACE_SPACE)));
        }
    }

    static void duplicates(List<ImportedFacility> all, List<Finding> out) {
        Map<String, ImportedFacility> byName = new HashMap<>();
        for (ImportedFacility f : all) {
            String key = f.name().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
            ImportedFacility other = key.isEmpty() ? null : byName.putIfAbsent(key, f);
            if (other != null) {
                out.add(new Finding(Finding.Severity.WARNING, subject(f), "same name as " + subject(other)));
            }
        }
        List<ImportedFacility> sorted = new ArrayList<>(all);
        sorted.sort((a, b) -> Double.compare(a.lat(), b.lat()));
        double dLat = DUPLICATE_METERS / 111_000.0;
        for (int i = 0; i < sorted.size(); i++) {
            ImportedFacility a = sorted.get(i);
            for (int j = i + 1; j < sorted.size() && sorted.get(j).lat() - a.lat() <= dLat; j++) {
                ImportedFacility b = sorted.get(j);
                double m = EarthDistance.meters(a.lat(), a.lon(), b.lat(), b.lon());
                if (m <= DUPLICATE_METERS) {
                    out.add(new Finding(Finding.Severity.WARNING, subject(b),
                            String.format(Locale.ROOT, "%.0f m from %s: the same facility twice?", m, subject(a))));
                }
            }
        }
    }

    static String subject(ImportedFacility f) {
        return f.id() + " (" + f.name() + ")";
    }
}
