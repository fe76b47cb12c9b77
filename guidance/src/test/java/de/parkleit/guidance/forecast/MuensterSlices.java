package de.parkleit.guidance.forecast;

import de.parkleit.prediction.forecast.*;

import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.Trend;
import de.parkleit.prediction.CleaningRules;
import de.parkleit.prediction.MuensterHistory;
import de.parkleit.prediction.OccupancySeries;
import de.parkleit.prediction.SlotClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The real Münster export (opendata/muenster), cleaned, cut into windows for the forecast tests. */
public final class MuensterSlices {

    public static final Path DATA = Path.of("..", "opendata", "muenster", "parking_free_muenster_2024-01_to_2024-10.csv.gz");
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Central garages with clean data in spring 2024 (94-97 % of readings kept). */
    public static final List<String> GARAGES = List.of("muensterphtheater", "muensterphaltersteinweg", "muensterphstubengasse",
            "muensterphbremerplatz", "muensterphcineplex");

    private final List<OccupancySeries> clean;

    private MuensterSlices(List<OccupancySeries> clean) {
        this.clean = clean;
    }

    public static MuensterSlices load() throws IOException {
        return new MuensterSlices(MuensterHistory.load(DATA, Optional.empty(), BERLIN, CleaningRules.defaults()).clean());
    }

    public OccupancySeries series(String id) {
        return clean.stream().filter(s -> s.facilityId().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no series " + id + " in " + clean.stream()
                        .map(OccupancySeries::facilityId).toList()));
    }

    /** The values of {@code id} in [from, to), moved later by {@code shiftSlots} (whole weeks keep the weekday). */
    public OccupancySeries slice(String id, Instant from, Instant to, long shiftSlots) {
        OccupancySeries s = series(id);
        OccupancySeries.Builder b = OccupancySeries.builder(id, s.capacity(), BERLIN);
        for (long slot = Math.max(s.firstSlot(), SlotClock.slotOf(from)); slot < SlotClock.slotOf(to)
                && slot <= s.latestSlot(); slot++) {
            double v = s.freeAt(slot);
            if (Double.isNaN(v)) {
                continue;
            }
            Instant t = SlotClock.startOf(slot + shiftSlots);
            if (s.isFullByCode(slot)) {
                b.addFull(t);
            } else {
                b.add(t, v);
            }
        }
        return b.build();
    }

    /** The live state a gateway would have sent for the reading of {@code id} at {@code slot} (null if none). */
    public FacilityState state(String id, long slot, long shiftSlots) {
        OccupancySeries s = series(id);
        double v = s.freeAt(slot);
        if (Double.isNaN(v)) {
            return null;
        }
        return new FacilityState(id, (int) Math.round(v), s.capacity(), FacilityStatus.OPEN, Trend.STEADY,
                SlotClock.startOf(slot + shiftSlots), Set.of());
    }
}
