package de.parkleit.simulator.evaluation;

import de.parkleit.simulator.driver.OccupancySample;
import de.parkleit.simulator.driver.SimulationResult;
import de.parkleit.simulator.driver.TripOutcome;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one run. Search is what a driver does after the first facility that did not let
 * them straight in: queueing, driving on, cruising. CO2 is search vehicle-km x 180 g
 * (docs/sources.md#co2; 150–250 g for sensitivity).
 */
public record Metrics(int trips, int parked, int gaveUp, double searchingShare, double meanSearchS,
                      double meanSearchOfSearchersS, double p90SearchS, double p90SearchOfSearchersS,
                      double searchVehKm, double totalVehKm, double co2SearchKg, long arrivalsAtFull,
                      int maxQueue, double queueVehHours, double meanWalkM, long guidanceCalls) {

    public static final double CO2_G_PER_VEH_KM = 180;

    public static Metrics of(SimulationResult r) {
        List<TripOutcome> o = r.outcomes();
        double[] search = o.stream().mapToDouble(TripOutcome::searchSeconds).sorted().toArray();
        double[] searchers = o.stream().filter(TripOutcome::searched).mapToDouble(TripOutcome::searchSeconds).sorted().toArray();
        double searchKm = o.stream().mapToDouble(TripOutcome::searchMeters).sum() / 1000;
        double totalKm = o.stream().mapToDouble(TripOutcome::drivenMeters).sum() / 1000;
        int parked = (int) o.stream().filter(t -> !t.gaveUp()).count();
        double walk = o.stream().filter(t -> !t.gaveUp()).mapToDouble(TripOutcome::walkMeters).average().orElse(0);
        long queueSamples = r.samples().stream().mapToLong(OccupancySample::queue).sum();
        return new Metrics(o.size(), parked, o.size() - parked, o.isEmpty() ? 0 : searchers.length / (double) o.size(),
                mean(search), mean(searchers), quantile(search, 0.9), quantile(searchers, 0.9), searchKm, totalKm,
                searchKm * CO2_G_PER_VEH_KM / 1000, r.arrivalsAtFull().values().stream().mapToLong(Long::longValue).sum(),
                r.maxQueue().values().stream().mapToInt(Integer::intValue).max().orElse(0),
                queueSamples * 5 / 60.0, walk, r.guidanceCalls());
    }

    /** Name, unit and value of every figure, in report order. */
    public Map<String, Double> named() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("trips", (double) trips);
        m.put("parked", (double) parked);
        m.put("gave up (search > max)", (double) gaveUp);
        m.put("share of trips with search (%)", searchingShare * 100);
        m.put("mean search time, all trips (s)", meanSearchS);
        m.put("mean search time, trips with search (s)", meanSearchOfSearchersS);
        m.put("p90 search time, all trips (s)", p90SearchS);
        m.put("p90 search time, trips with search (s)", p90SearchOfSearchersS);
        m.put("search vehicle-km", searchVehKm);
        m.put("total vehicle-km in the area", totalVehKm);
        m.put("CO2 from search (kg, 180 g/veh-km)", co2SearchKg);
        m.put("arrivals at full facilities", (double) arrivalsAtFull);
        m.put("longest entrance queue (vehicles)", (double) maxQueue);
        m.put("queueing (vehicle-hours)", queueVehHours);
        m.put("mean walk to destination (m)", meanWalkM);
        m.put("guidance requests", (double) guidanceCalls);
        return m;
    }

    static double mean(double[] xs) {
        return xs.length == 0 ? 0 : Arrays.stream(xs).average().orElse(0);
    }

    /** Nearest-rank quantile of sorted values; 0 when empty. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
