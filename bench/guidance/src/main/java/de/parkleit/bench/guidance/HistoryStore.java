package de.parkleit.bench.guidance;

import de.parkleit.core.facility.Facility;
import de.parkleit.platform.store.HistoryWindow;
import de.parkleit.platform.store.OccupancyBucket;
import de.parkleit.platform.testing.DiscardingStore;
import de.parkleit.prediction.CleaningRules;
import de.parkleit.prediction.MuensterHistory;
import de.parkleit.prediction.OccupancySeries;
import de.parkleit.prediction.SlotClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link DiscardingStore} that answers occupancy history with real data: the Münster export's central garages,
 * in shares of capacity, put onto the city's facilities (round robin) and moved by whole weeks so that the eight
 * weeks from 8 April 2024 end just after now (only buckets before the query's end are returned). Lets the
 * benchmark run guidance with the trained forecast model, as the demo does after its backfill.
 */
final class HistoryStore extends DiscardingStore {

    private static final List<String> GARAGES = List.of("muensterphtheater", "muensterphaltersteinweg",
            "muensterphstubengasse", "muensterphbremerplatz", "muensterphcineplex");
    private static final Instant FROM = Instant.parse("2024-04-08T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-06-03T00:00:00Z");

    private final Map<String, Facility> facilities = new LinkedHashMap<>();
    private final Map<String, OccupancySeries> garages = new LinkedHashMap<>();
    private final long shiftSlots;

    HistoryStore(Path export, List<Facility> city) throws IOException {
        MuensterHistory h = MuensterHistory.load(export, Optional.empty(), ZoneId.of("Europe/Berlin"), CleaningRules.defaults());
        for (OccupancySeries s : h.clean()) {
            if (GARAGES.contains(s.facilityId())) {
                garages.put(s.facilityId(), s);
            }
        }
        city.forEach(f -> facilities.put(f.id(), f));
        long weeks = Duration.between(TO, Instant.now()).toDays() / 7 + 1;
        shiftSlots = weeks * SlotClock.SLOTS_PER_WEEK;
    }

    @Override
    public Map<String, List<OccupancyBucket>> occupancyHistory(Collection<String> ids, HistoryWindow window) {
        Map<String, List<OccupancyBucket>> out = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(facilities.keySet());
        for (String id : ids) {
            Facility f = facilities.get(id);
            List<OccupancyBucket> buckets = new ArrayList<>();
            if (f != null) {
                OccupancySeries s = garages.get(GARAGES.get(all.indexOf(id) % GARAGES.size()));
                long from = Math.max(SlotClock.slotOf(window.from()), SlotClock.slotOf(FROM) + shiftSlots);
                long to = Math.min(SlotClock.slotOf(window.to()), SlotClock.slotOf(TO) + shiftSlots);
                for (long slot = from; slot < to; slot++) {
                    double v = s.freeAt(slot - shiftSlots);
                    if (!Double.isNaN(v)) {
                        int free = (int) Math.round(v / s.capacity() * f.capacity());
                        buckets.add(new OccupancyBucket(SlotClock.startOf(slot), free, free, free, 1));
                    }
                }
            }
            out.put(id, buckets);
        }
        return out;
    }

    @Override
    public String name() {
        return "muenster-history";
    }
}
