package de.parkleit.simulator.evaluation;

import de.parkleit.core.city.City;
import de.parkleit.platform.city.CityLoader;
import de.parkleit.simulator.driver.DriverParameters;
import de.parkleit.simulator.driver.SimulationResult;
import de.parkleit.simulator.wire.WireSystem;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code simulate}: runs a scenario without guidance (control) and, with {@code --guidance on},
 * again with guidance at the given compliance on the same trips (treatment), and writes the report.
 * Fast mode runs on a virtual clock against the system the app supplies (in-process adapters) or,
 * run standalone, against {@link ReferenceSystem}; real mode talks to a running parkleit. The command line
 * ({@code parkleit simulate}) is parsed by the app's picocli {@code SimulateTool}.
 */
public final class SimulateCommand {

    /** What a run wrote and measured. */
    public record Outcome(Path report, Metrics control, Metrics treatment) {
    }

    private final Function<SimulateOptions, SystemUnderTest> fastSystem;

    /** Standalone: fast mode uses the simulator's reference system. */
    public SimulateCommand() {
        this(o -> new ReferenceSystem());
    }

    /** @param fastSystem builds the system fast mode runs against (the app's in-process adapters) */
    public SimulateCommand(Function<SimulateOptions, SystemUnderTest> fastSystem) {
        this.fastSystem = fastSystem;
    }

    public Outcome execute(SimulateOptions o, String[] args, PrintStream out, PrintStream progress) throws java.io.IOException {
        City city = CityLoader.load(o.city(), "--city");
        Scenario named = Scenario.resolve(o.scenario());
        Scenario scenario = o.demand() == null ? named : new Scenario(named.name(), named.day(), named.start(), named.end(),
                o.demand(), named.description() + "; demand set to " + o.demand() + " by --demand");
        DriverParameters params = DriverParameters.defaults().withCompliance(o.compliance()).withSignReaction(o.signReaction())
                .withKnowProbability(o.know());
        try (SystemUnderTest system = o.mode().equals("real")
                ? new WireSystem(o.apiUrl(), o.mqttUrl(), o.topicRoot())
                : fastSystem.apply(o)) {
            ScenarioRunner runner = new ScenarioRunner(city, scenario, o.zone(), params, system, o.seed());
            out.printf(Locale.ROOT, "%s, scenario %s: %d trips, %d entry points; system: %s%n", city.name(), scenario.name(),
                    runner.trips().size(), runner.entries().size(), system.describe());
            SimulationResult control = runner.run(false, bar(progress, "control", o));
            SimulationResult treatment = o.guidance() ? runner.run(true, bar(progress, "guidance", o)) : null;
            ReportWriter.RunInfo info = new ReportWriter.RunInfo(city.name(), scenario, o.seed(), o.guidance() ? o.compliance() : 0,
                    o.guidance() ? o.signReaction() : 0, system.describe(), o.zone(), "simulate " + String.join(" ", args));
            Path index = ReportWriter.write(o.out(), info, control, treatment);
            Metrics mc = Metrics.of(control);
            Metrics mt = treatment == null ? null : Metrics.of(treatment);
            summary(out, mc, mt, control, treatment);
            return new Outcome(index, mc, mt);
        }
    }

    private static java.util.function.Consumer<de.parkleit.simulator.driver.SimulationProgress> bar(PrintStream s, String label,
                                                                                                    SimulateOptions o) {
        return s == null ? p -> { } : new ProgressBar(s, label, o.zone());
    }

    private static void summary(PrintStream out, Metrics c, Metrics t, SimulationResult rc, SimulationResult rt) {
        out.printf(Locale.ROOT, "control:   mean search %.1f s, p90 %.1f s, search %.1f veh-km, %d arrivals at full (%.1f s wall)%n",
                c.meanSearchS(), c.p90SearchS(), c.searchVehKm(), c.arrivalsAtFull(), rc.wallTime().toMillis() / 1000.0);
        if (t != null) {
            out.printf(Locale.ROOT, "treatment: mean search %.1f s, p90 %.1f s, search %.1f veh-km, %d arrivals at full (%.1f s wall)%n",
                    t.meanSearchS(), t.p90SearchS(), t.searchVehKm(), t.arrivalsAtFull(), rt.wallTime().toMillis() / 1000.0);
            out.printf(Locale.ROOT, "change:    search time %+.1f %%, search veh-km %+.1f %%%n",
                    ReportWriter.changePercent(c.meanSearchS(), t.meanSearchS()),
                    ReportWriter.changePercent(c.searchVehKm(), t.searchVehKm()));
        }
    }
}
