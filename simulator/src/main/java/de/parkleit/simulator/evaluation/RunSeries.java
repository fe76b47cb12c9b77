package de.parkleit.simulator.evaluation;

import de.parkleit.simulator.driver.OccupancySample;
import de.parkleit.simulator.driver.SimulationResult;
import de.parkleit.simulator.driver.TripOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Time series of one run for plots and CSVs: per departure hour, and per 5-minute sample. */
final class RunSeries {

    final double[] hours;
    final double[] tripsPerHour;
    final double[] meanSearchPerHour;
    final double[] searchKmPerHour;
    final double[] sampleHours;
    final double[] queueTotal;
    final Map<String, double[]> occupancyShare = new LinkedHashMap<>();
    final Map<String, Integer> capacity = new LinkedHashMap<>();

    RunSeries(SimulationResult r, ZoneId zone) {
        Instant from = r.from();
        int nHours = (int) Math.ceil(Duration.between(from, r.to()).toMinutes() / 60.0);
        double startHour = from.atZone(zone).getHour() + from.atZone(zone).getMinute() / 60.0;
        hours = new double[nHours];
        tripsPerHour = new double[nHours];
        meanSearchPerHour = new double[nHours];
        searchKmPerHour = new double[nHours];
        double[] searchSum = new double[nHours];
        for (int h = 0; h < nHours; h++) {
            hours[h] = startHour + h + 0.5;
        }
        for (TripOutcome o : r.outcomes()) {
            int h = (int) Math.min(nHours - 1, Duration.between(from, o.departAt()).toMinutes() / 60);
            tripsPerHour[h]++;
            searchSum[h] += o.searchSeconds();
            searchKmPerHour[h] += o.searchMeters() / 1000;
        }
        for (int h = 0; h < nHours; h++) {
            meanSearchPerHour[h] = tripsPerHour[h] == 0 ? 0 : searchSum[h] / tripsPerHour[h];
        }
        Map<Instant, Integer> queueAt = new LinkedHashMap<>();
        Map<String, List<OccupancySample>> byFacility = new LinkedHashMap<>();
        for (OccupancySample s : r.samples()) {
            queueAt.merge(s.at(), s.queue(), Integer::sum);
            byFacility.computeIfAbsent(s.facilityId(), k -> new java.util.ArrayList<>()).add(s);
        }
        sampleHours = queueAt.keySet().stream().mapToDouble(t -> startHour + Duration.between(from, t).toMinutes() / 60.0).toArray();
        queueTotal = queueAt.values().stream().mapToDouble(Integer::doubleValue).toArray();
        byFacility.forEach((id, list) -> {
            occupancyShare.put(id, list.stream().mapToDouble(s -> s.occupied() / (double) s.capacity()).toArray());
            capacity.put(id, list.get(0).capacity());
        });
    }

    double endHour() {
        return hours.length == 0 ? 24 : hours[hours.length - 1] + 0.5;
    }

    double startHour() {
        return hours.length == 0 ? 0 : hours[0] - 0.5;
    }
}
