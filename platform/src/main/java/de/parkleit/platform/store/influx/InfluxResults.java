package de.parkleit.platform.store.influx;

import com.influxdb.query.FluxRecord;
import com.influxdb.query.FluxTable;
import de.parkleit.platform.store.HourlyCount;
import de.parkleit.platform.store.OccupancyBucket;
import de.parkleit.platform.store.TrafficBucket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps the pivoted Flux results of {@link FluxQueries} to the port's records. */
final class InfluxResults {

    static <T> Map<String, List<T>> empty(Set<String> ids) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        ids.forEach(id -> out.put(id, new ArrayList<>()));
        return out;
    }

    void occupancyRaw(List<FluxTable> tables, Map<String, List<OccupancyBucket>> out) {
        each(tables, "facility", out, r -> new OccupancyBucket(r.getTime(), num(r, "mean"),
                (int) num(r, "min"), (int) num(r, "max"), (long) num(r, "n")));
    }

    void occupancyAggregated(List<FluxTable> tables, Map<String, List<OccupancyBucket>> out) {
        each(tables, "facility", out, r -> new OccupancyBucket(r.getTime(), num(r, "sum") / num(r, "n"),
                (int) num(r, "min"), (int) num(r, "max"), (long) num(r, "n")));
    }

    void trafficRaw(List<FluxTable> tables, Map<String, List<TrafficBucket>> out) {
        each(tables, "detector", out, r -> new TrafficBucket(r.getTime(), (long) num(r, "vehicles"),
                nullable(r, "speed"), nullable(r, "occ"), (long) num(r, "n")));
    }

    void trafficAggregated(List<FluxTable> tables, Map<String, List<TrafficBucket>> out) {
        each(tables, "detector", out, r -> new TrafficBucket(r.getTime(), (long) num(r, "vehicles"),
                ratio(r, "speed_sum", "speed_n"), ratio(r, "occ_sum", "occ_n"), (long) num(r, "n")));
    }

    List<HourlyCount> hourly(List<FluxTable> tables, String tag) {
        List<HourlyCount> out = new ArrayList<>();
        for (FluxTable t : tables) {
            for (FluxRecord r : t.getRecords()) {
                out.add(new HourlyCount(r.getTime(), (String) r.getValueByKey(tag), ((Number) r.getValue()).longValue()));
            }
        }
        out.sort(Comparator.comparing(HourlyCount::hour).thenComparing(HourlyCount::id));
        return out;
    }

    private static <T> void each(List<FluxTable> tables, String tag, Map<String, List<T>> out,
                                 java.util.function.Function<FluxRecord, T> map) {
        for (FluxTable t : tables) {
            for (FluxRecord r : t.getRecords()) {
                List<T> list = out.get((String) r.getValueByKey(tag));
                if (list != null && r.getValueByKey("n") != null) {
                    list.add(map.apply(r));
                }
            }
        }
    }

    private static double num(FluxRecord r, String key) {
        Object v = r.getValueByKey(key);
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    private static Double nullable(FluxRecord r, String key) {
        Object v = r.getValueByKey(key);
        return v instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
    }

    private static Double ratio(FluxRecord r, String sum, String n) {
        Double s = nullable(r, sum);
        Double c = nullable(r, n);
        return s == null || c == null || c == 0 ? null : s / c;
    }
}
