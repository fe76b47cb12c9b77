package de.parkleit.simulator.profile;

import de.parkleit.core.facility.Facility;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Expected occupancy of a city's facilities at any instant: each facility follows a Münster
 * {@link ShapeKind} (chosen by type and id), scaled and shifted per facility, with day-to-day and
 * slow within-day variation drawn from the seed. Deterministic: the same seed, facility and
 * instant give the same value. Pure function, safe to share between threads.
 */
public final class OccupancyModel {

    /** Day-to-day variation of the level, relative (sd of a uniform ±0.12 is ~7 %). */
    static final double DAY_NOISE = 0.12;
    /** Amplitude of the slow within-day wave, relative. */
    static final double WAVE_NOISE = 0.05;

    private final OccupancyShapes shapes;
    private final ZoneId zone;
    private final Map<String, FacilityProfile> profiles = new LinkedHashMap<>();

    public OccupancyModel(OccupancyShapes shapes, List<Facility> facilities, ZoneId zone, long seed) {
        this(shapes, facilities, zone, seed, Map.of());
    }

    /** @param kinds overrides the shape of some facilities by id (e.g. a city's own assignment) */
    public OccupancyModel(OccupancyShapes shapes, List<Facility> facilities, ZoneId zone, long seed, Map<String, ShapeKind> kinds) {
        this.shapes = shapes;
        this.zone = zone;
        for (Facility f : facilities) {
            long h = Mix.of(seed, f.id(), 0);
            double scale = 0.8 + 0.25 * Mix.unit(Mix.mix(h + 1));
            int shift = (int) Math.round(-20 + 40 * Mix.unit(Mix.mix(h + 2)));
            ShapeKind kind = kinds.getOrDefault(f.id(), ShapeKind.forFacility(f));
            profiles.put(f.id(), new FacilityProfile(f, kind, scale, shift, Mix.mix(h + 3)));
        }
    }

    public List<FacilityProfile> profiles() {
        return List.copyOf(profiles.values());
    }

    public FacilityProfile profile(String facilityId) {
        FacilityProfile p = profiles.get(facilityId);
        if (p == null) {
            throw new NoSuchElementException("no facility " + facilityId + " in the occupancy model");
        }
        return p;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Expected occupied share of capacity (0..1) at an instant. */
    public double expectedShare(String facilityId, Instant t) {
        FacilityProfile p = profile(facilityId);
        LocalDateTime local = LocalDateTime.ofInstant(t, zone).minusMinutes(p.shiftMinutes());
        double base = shapes.share(p.kind(), local) * p.scale();
        return Math.min(1.0, Math.max(0.0, base * (1 + variation(p, local))));
    }

    /** Expected number of occupied spaces at an instant. */
    public double expectedOccupied(String facilityId, Instant t) {
        return expectedShare(facilityId, t) * profile(facilityId).facility().capacity();
    }

    /**
     * Relative deviation of this facility from its shape at a local time, continuous in time (so
     * the process never sees a jump): a level drawn per day, interpolated from one local midnight
     * to the next, plus a slow wave with the facility's own period (3-6 h) and phase.
     */
    private static double variation(FacilityProfile p, LocalDateTime local) {
        LocalDate day = local.toLocalDate();
        double dayFraction = (local.toLocalTime().toSecondOfDay() + local.getNano() / 1e9) / 86_400.0;
        double level = dayLevel(p, day) * (1 - dayFraction) + dayLevel(p, day.plusDays(1)) * dayFraction;
        double phase = 2 * Math.PI * Mix.unit(Mix.mix(p.noiseSeed() + 1));
        double periodH = 3 + 3 * Mix.unit(Mix.mix(p.noiseSeed() + 2));
        double hours = day.toEpochDay() * 24.0 + dayFraction * 24;
        return level + WAVE_NOISE * Math.sin(2 * Math.PI * hours / periodH + phase);
    }

    private static double dayLevel(FacilityProfile p, LocalDate day) {
        return DAY_NOISE * (2 * Mix.unit(Mix.mix(p.noiseSeed() + day.toEpochDay() * 0x9E3779B97F4A7C15L)) - 1);
    }
}
