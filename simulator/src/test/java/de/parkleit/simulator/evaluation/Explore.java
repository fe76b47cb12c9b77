package de.parkleit.simulator.evaluation;

import de.parkleit.simulator.TestCity;
import de.parkleit.simulator.driver.DriverParameters;
import de.parkleit.simulator.driver.SimulationResult;
import java.time.ZoneId;

public class Explore {
    public static void main(String[] a) {
        var city = TestCity.heidelberg();
        Scenario s = Scenario.resolve(a.length > 0 ? a[0] : "saturday-peak");
        double p = a.length > 1 ? Double.parseDouble(a[1]) : 0.5;
        long t0 = System.currentTimeMillis();
        ScenarioRunner r = new ScenarioRunner(city, s, ZoneId.of("Europe/Berlin"), DriverParameters.defaults().withCompliance(p), new ReferenceSystem(), 1);
        System.out.println("trips " + r.trips().size() + " entries " + r.entries().size() + " prep ms " + (System.currentTimeMillis() - t0));
        for (boolean g : new boolean[]{false, true}) {
            SimulationResult res = r.run(g, x -> { });
            System.out.println("guidance " + g + " wall " + res.wallTime().toMillis() + " ms");
            Metrics.of(res).named().forEach((k, v) -> System.out.printf("  %-45s %10.1f%n", k, v));
        }
    }
}
