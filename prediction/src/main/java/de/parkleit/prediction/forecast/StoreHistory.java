package de.parkleit.prediction.forecast;

import de.parkleit.core.facility.Facility;
import de.parkleit.platform.store.HistoryQueries;
import de.parkleit.platform.store.HistoryWindow;
import de.parkleit.platform.store.OccupancyBucket;
import de.parkleit.platform.store.TimeSeriesStore;
import de.parkleit.prediction.CleaningRules;
import de.parkleit.prediction.OccupancySeries;
import de.parkleit.prediction.SeriesCleaner;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the occupancy history of the city's facilities from the store as cleaned five-minute series (the grid of
 * the forecasting model): the mean free count of each 5-minute bucket; a bucket that stayed at 0 the whole time is
 * an explicit "full" (ingest validated the readings, so a 0 here is a full facility, not a disconnected sensor).
 * Blocking: call it from a worker.
 */
public final class StoreHistory {

    /** The model's slot length; the store's 5-minute aggregates answer it. */
    public static final Duration STEP = Duration.ofMinutes(5);

    private StoreHistory() {
    }

    /**
     * The cleaned series of every facility with data in the {@code weeks} weeks before {@code until}, in the order
     * of {@code facilities}; facilities without data are left out.
     */
    public static List<OccupancySeries> load(TimeSeriesStore store, List<Facility> facilities, Instant until, int weeks,
                                             ZoneId zone, CleaningRules rules) {
        HistoryWindow window = new HistoryWindow(until.minus(Duration.ofDays(7L * weeks)), until, STEP);
        SeriesCleaner cleaner = new SeriesCleaner(rules);
        List<OccupancySeries> out = new ArrayList<>();
        for (int from = 0; from < facilities.size(); from += HistoryQueries.MAX_SERIES) {
            List<Facility> chunk = facilities.subList(from, Math.min(facilities.size(), from + HistoryQueries.MAX_SERIES));
            Map<String, List<OccupancyBucket>> history = store.occupancyHistory(chunk.stream().map(Facility::id).toList(), window);
            for (Facility f : chunk) {
                List<OccupancyBucket> buckets = history.getOrDefault(f.id(), List.of());
                if (!buckets.isEmpty() && f.capacity() > 0) {
                    out.add(cleaner.clean(series(f, buckets, zone)).series());
                }
            }
        }
        return out;
    }

    static OccupancySeries series(Facility f, List<OccupancyBucket> buckets, ZoneId zone) {
        OccupancySeries.Builder b = OccupancySeries.builder(f.id(), f.capacity(), zone);
        for (OccupancyBucket bucket : buckets) {
            if (bucket.samples() <= 0) {
                continue;
            }
            if (bucket.maxFree() <= 0) {
                b.addFull(bucket.start());
            } else {
                b.add(bucket.start(), bucket.meanFree());
            }
        }
        return b.build();
    }
}
