package de.parkleit.dashboard.history;

import de.parkleit.platform.store.OccupancyBucket;
import java.util.List;
import java.util.Locale;

/** Occupancy buckets as RFC 4180 CSV with a header row; numbers in plain US format. */
final class HistoryCsv {

    static final String HEADER = "start,mean_free,min_free,max_free,samples\r\n";

    private HistoryCsv() {
    }

    static String render(List<OccupancyBucket> buckets) {
        StringBuilder sb = new StringBuilder(HEADER.length() + buckets.size() * 48).append(HEADER);
        for (OccupancyBucket b : buckets) {
            sb.append(b.start()).append(',').append(String.format(Locale.ROOT, "%.3f", b.meanFree())).append(',')
                    .append(b.minFree()).append(',').append(b.maxFree()).append(',').append(b.samples()).append("\r\n");
        }
        return sb.toString();
    }
}
