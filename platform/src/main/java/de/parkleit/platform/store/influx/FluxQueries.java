package de.parkleit.platform.store.influx;

import de.parkleit.platform.store.Measurement;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * The Flux scripts of the history queries. Each aggregate is one {@code aggregateWindow} (windows
 * aligned to the epoch, stamped with their start), converted to float, renamed, and the results
 * pivoted into one row per bucket and series.
 */
final class FluxQueries {

    /** Measurements of the downsampled bucket (written by {@link #downsampleTask}). */
    static final String OCCUPANCY_5M = "parking_occupancy_5m";
    static final String TRAFFIC_5M = "traffic_5m";

    private final String bucket;
    private final String aggregateBucket;

    FluxQueries(String bucket, String aggregateBucket) {
        this.bucket = bucket;
        this.aggregateBucket = aggregateBucket;
    }

    /** Columns: _time, facility, mean, min, max, n. */
    String occupancyRaw(Collection<String> ids, Instant from, Instant to, Duration step) {
        return source(bucket, Measurement.PARKING_OCCUPANCY.table(), "facility", ids, from, to)
                + "  |> filter(fn: (r) => r._field == \"free\")\n"
                + agg(step)
                + "union(tables: [data |> a(fn: mean, name: \"mean\"), data |> a(fn: min, name: \"min\"),"
                + " data |> a(fn: max, name: \"max\"), data |> a(fn: count, name: \"n\")])\n"
                + pivot("facility", "mean", "min", "max", "n");
    }

    /** Columns: _time, facility, sum, min, max, n (re-aggregated 5-minute sums and counts). */
    String occupancyAggregated(Collection<String> ids, Instant from, Instant to, Duration step) {
        return source(aggregateBucket, OCCUPANCY_5M, "facility", ids, from, to)
                + agg(step)
                + "union(tables: [" + field("sum_free", "sum", "sum") + ", " + field("samples", "sum", "n") + ", "
                + field("min_free", "min", "min") + ", " + field("max_free", "max", "max") + "])\n"
                + pivot("facility", "sum", "min", "max", "n");
    }

    /** Columns: _time, detector, vehicles, speed, occ, n. */
    String trafficRaw(Collection<String> ids, Instant from, Instant to, Duration step) {
        return source(bucket, Measurement.TRAFFIC.table(), "detector", ids, from, to)
                + agg(step)
                + "union(tables: [" + field("count", "sum", "vehicles") + ", " + field("count", "count", "n") + ", "
                + field("speed_kmh", "mean", "speed") + ", " + field("occupancy_pct", "mean", "occ") + "])\n"
                + pivot("detector", "vehicles", "speed", "occ", "n");
    }

    /** Columns: _time, detector, vehicles, speed_sum, speed_n, occ_sum, occ_n, n. */
    String trafficAggregated(Collection<String> ids, Instant from, Instant to, Duration step) {
        return source(aggregateBucket, TRAFFIC_5M, "detector", ids, from, to)
                + agg(step)
                + "union(tables: [" + field("vehicles", "sum", "vehicles") + ", " + field("samples", "sum", "n") + ", "
                + field("speed_sum", "sum", "speed_sum") + ", " + field("speed_n", "sum", "speed_n") + ", "
                + field("occ_sum", "sum", "occ_sum") + ", " + field("occ_n", "sum", "occ_n") + "])\n"
                + pivot("detector", "vehicles", "speed_sum", "speed_n", "occ_sum", "occ_n", "n");
    }

    /** Columns: _time, {@code <id tag>}, _value (count per hour). */
    String perHour(Measurement m, String field, Instant from, Instant to) {
        String id = m.tags().get(0);
        return "from(bucket: " + Flux.string(bucket) + ")\n"
                + "  |> " + Flux.range(from, to) + "\n"
                + "  |> filter(fn: (r) => r._measurement == " + Flux.string(m.table()) + " and r._field == " + Flux.string(field) + ")\n"
                + "  |> group(columns: [" + Flux.string(id) + "])\n"
                + "  |> aggregateWindow(every: 1h, fn: count, createEmpty: false, timeSrc: \"_start\")\n"
                + "  |> keep(columns: [\"_time\", " + Flux.string(id) + ", \"_value\"])\n";
    }

    /** Count of occupancy points of one facility in [from, to). */
    String countOccupancy(String facilityId, Instant from, Instant to) {
        return source(bucket, Measurement.PARKING_OCCUPANCY.table(), "facility", java.util.List.of(facilityId), from, to)
                + "  |> filter(fn: (r) => r._field == \"free\")\n"
                + "  |> group()\n  |> count()\n";
    }

    /**
     * The downsampling task body (without its {@code option task} line): every run recomputes the
     * 5-minute aggregates of the last {@code lookback} (start aligned to 5 minutes, so no window is
     * written partially) from the raw bucket into the aggregate bucket; rewrites overwrite.
     */
    String downsampleTask(String org, Duration lookback) {
        String start = "date.truncate(t: date.sub(d: " + Flux.duration(lookback) + ", from: now()), unit: 5m)";
        String a = "a = (tables=<-, fn, name) => tables |> aggregateWindow(every: 5m, fn: fn, createEmpty: false, timeSrc: \"_start\")"
                + " |> set(key: \"_field\", value: name)\n";
        String sink = "  |> to(bucket: " + Flux.string(aggregateBucket) + ", org: " + Flux.string(org) + ")\n";
        return "import \"date\"\n"
                + "start = " + start + "\n" + a
                + "occ = from(bucket: " + Flux.string(bucket) + ") |> range(start: start)"
                + " |> filter(fn: (r) => r._measurement == \"parking_occupancy\" and r._field == \"free\")\n"
                + "union(tables: [occ |> a(fn: min, name: \"min_free\"), occ |> a(fn: max, name: \"max_free\"),"
                + " occ |> a(fn: sum, name: \"sum_free\"), occ |> a(fn: count, name: \"samples\")])\n"
                + "  |> set(key: \"_measurement\", value: \"" + OCCUPANCY_5M + "\")\n" + sink
                + "tr = from(bucket: " + Flux.string(bucket) + ") |> range(start: start)"
                + " |> filter(fn: (r) => r._measurement == \"traffic\")\n"
                + "union(tables: [tr |> filter(fn: (r) => r._field == \"count\") |> a(fn: sum, name: \"vehicles\"),"
                + " tr |> filter(fn: (r) => r._field == \"count\") |> a(fn: count, name: \"samples\"),"
                + " tr |> filter(fn: (r) => r._field == \"speed_kmh\") |> a(fn: sum, name: \"speed_sum\"),"
                + " tr |> filter(fn: (r) => r._field == \"speed_kmh\") |> a(fn: count, name: \"speed_n\"),"
                + " tr |> filter(fn: (r) => r._field == \"occupancy_pct\") |> a(fn: sum, name: \"occ_sum\"),"
                + " tr |> filter(fn: (r) => r._field == \"occupancy_pct\") |> a(fn: count, name: \"occ_n\")])\n"
                + "  |> set(key: \"_measurement\", value: \"" + TRAFFIC_5M + "\")\n" + sink;
    }

    private static String source(String bucket, String measurement, String tag, Collection<String> ids, Instant from, Instant to) {
        return "data = from(bucket: " + Flux.string(bucket) + ")\n"
                + "  |> " + Flux.range(from, to) + "\n"
                + "  |> filter(fn: (r) => r._measurement == " + Flux.string(measurement) + ")\n"
                + "  |> filter(fn: " + Flux.anyOf(tag, ids) + ")\n";
    }

    private static String agg(Duration step) {
        return "a = (tables=<-, fn, name) => tables\n"
                + "  |> aggregateWindow(every: " + Flux.duration(step) + ", fn: fn, createEmpty: false, timeSrc: \"_start\")\n"
                + "  |> toFloat()\n  |> set(key: \"_field\", value: name)\n";
    }

    private static String field(String field, String fn, String name) {
        return "data |> filter(fn: (r) => r._field == " + Flux.string(field) + ") |> a(fn: " + fn + ", name: " + Flux.string(name) + ")";
    }

    private static String pivot(String tag, String... columns) {
        StringBuilder keep = new StringBuilder("\"_time\", " + Flux.string(tag));
        for (String c : columns) {
            keep.append(", ").append(Flux.string(c));
        }
        return "  |> pivot(rowKey: [\"_time\"], columnKey: [\"_field\"], valueColumn: \"_value\")\n"
                + "  |> keep(columns: [" + keep + "])\n";
    }
}
