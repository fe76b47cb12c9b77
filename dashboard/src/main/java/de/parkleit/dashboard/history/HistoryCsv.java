package de.parkleit.dashboard.history;

import de.parkleit.platform.store.OccupancyBucket;
import de.parkleit.platform.store.TrafficBucket;
import java.util.List;
import java.util.Locale;

/** Occupancy and traffic buckets as RFC 4180 CSV with a header row; numbers in plain US format. */
final class HistoryCsv {

    static final String HEADER = "start,mean_free,min_free,max_free,samples\r\n";

    private HistoryCsv() {
    }

    static final String TRAFFIC_HEADER = "start,vehicles,vehicles_per_hour,mean_speed_kmh,mean_occupancy_pct,samples\r\n";

    /** Traffic buckets; an unmeasured speed or occupancy is an empty cell. */
    static String renderTraffic(List<TrafficBucket> buckets, java.time.Duration step) {
        double hours = step.toSeconds() / 3600.0;
        StringBuilder sb = new StringBuilder(TRAFFIC_HEADER.length() + buckets.size() * 56).append(TRAFFIC_HEADER);
        for (TrafficBucket b : buckets) {
            sb.append(b.start()).append(',').append(b.vehicles()).append(',')
                    .append(String.format(Locale.ROOT, "%.1f", b.vehicles() / hours)).append(',')
                    .append(b.meanSpeedKmh() == null ? "" : String.format(Locale.ROOT, "%.1f", b.meanSpeedKmh())).append(',')
                    .append(b.meanOccupancyPct() == null ? "" : String.format(Locale.ROOT, "%.1f", b.meanOccupancyPct())).append(',')
                    .append(b.samples()).append("\r\n");
        }
        return sb.toString();
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
