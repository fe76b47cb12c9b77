package de.parkleit.app;

import de.parkleit.simulator.evaluation.ReferenceSystem;
import de.parkleit.simulator.evaluation.SimulateCommand;
import de.parkleit.simulator.evaluation.SimulateOptions;
import de.parkleit.simulator.evaluation.SystemUnderTest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code parkleit simulate}: driver simulation, control vs treatment, and the evaluation report ({@link SimulateCommand}). */
@Command(name = "simulate", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Driver simulation and evaluation report: runs a scenario without guidance (control) and, with",
                "--guidance on, again with guidance on the same trips (treatment), and writes an HTML/SVG/CSV report."})
final class SimulateTool implements Callable<Integer> {

    /** How the simulation runs. */
    enum RunMode { fast, real }

    @Spec
    CommandSpec spec;

    @Option(names = "--city", paramLabel = "DIR", description = "city folder")
    Path city = Path.of("cities/heidelberg");

    @Option(names = "--scenario", paramLabel = "NAME|FILE",
            description = "saturday-peak, saturday, weekday, sunday, saturday-noon, stress, or a .properties file")
    String scenario = "saturday-peak";

    @Option(names = "--guidance", paramLabel = "on|off", arity = "1", converter = OnOff.class,
            description = "on: control and treatment on the same trips; off: control only")
    boolean guidance = true;

    @Option(names = "--compliance", paramLabel = "0..1", description = "share of drivers who follow guidance")
    double compliance = 0.5;

    @Option(names = "--signs", paramLabel = "0..1", description = "share of the other drivers who avoid facilities signs show as full")
    double signs = 0;

    @Option(names = "--seed", paramLabel = "N", description = "random seed; the same seed gives the same report")
    long seed = 1;

    @Option(names = "--out", paramLabel = "DIR", description = "report folder")
    Path out = Path.of("simulation-report");

    @Option(names = "--timezone", paramLabel = "ZONE", description = "time zone of the scenario")
    ZoneId zone = ZoneId.of("Europe/Berlin");

    @Option(names = "--mode", paramLabel = "fast|real", description = {"fast: virtual clock; real: against a running parkleit over",
            "HTTP and MQTT (on its simulation clock when it runs with PARKLEIT_CLOCK=simulation)"})
    RunMode mode = RunMode.fast;

    @Option(names = "--reference-system", description = {"fast mode against the simulator's own reference system (system A:",
            "ReferenceGuidance, straight-line travel) instead of parkleit's ingest and guidance in process"})
    boolean referenceSystem;

    @Option(names = "--url", paramLabel = "URL", description = "real mode: base URL of the running parkleit")
    String url = "http://localhost:8080";

    @Option(names = "--mqtt", paramLabel = "URL", description = "real mode: its broker")
    String mqtt = "tcp://localhost:1883";

    @Option(names = "--topic-root", paramLabel = "ROOT", description = "real mode: MQTT topic root")
    String topicRoot = "parkleit/v1";

    @Option(names = "--quiet", description = "no progress bars")
    boolean quiet;

    @Option(names = "--demand", paramLabel = "X", description = "override the scenario's demand scale, in (0, 5] (sensitivity runs)")
    Double demand;

    @Option(names = "--know", paramLabel = "0..1", description = "probability that a driver knows a facility near the destination")
    double know = 0.6;

    private final Function<SimulateOptions, SystemUnderTest> fastSystem;

    /** @param fastSystem the system fast mode runs against (the app's in-process adapters) */
    SimulateTool(Function<SimulateOptions, SystemUnderTest> fastSystem) {
        this.fastSystem = fastSystem;
    }

    @Override
    public Integer call() {
        share("--compliance", compliance);
        share("--signs", signs);
        share("--know", know);
        if (demand != null && !(demand > 0 && demand <= 5)) {
            throw new ParameterException(spec.commandLine(), "--demand must be a number in (0, 5], got " + demand);
        }
        SimulateOptions o = new SimulateOptions(city, scenario, guidance, compliance, signs, seed, out, zone, mode.name(),
                url.replaceAll("/+$", ""), mqtt, topicRoot, quiet, demand, know);
        String[] args = spec.commandLine().getParseResult().originalArgs().toArray(String[]::new);
        try {
            SimulateCommand.Outcome r = new SimulateCommand(referenceSystem ? x -> new ReferenceSystem() : fastSystem).execute(o, args, System.out, quiet ? null : System.err);
            System.out.println("report: " + r.report().toAbsolutePath());
            return 0;
        } catch (RuntimeException | IOException e) {
            System.err.println("simulate failed: " + e.getMessage());
            return 1;
        }
    }

    private void share(String option, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new ParameterException(spec.commandLine(), option + " must be a number between 0 and 1, got " + v);
        }
    }

    /** {@code on|off} (also true/false, yes/no). */
    static final class OnOff implements ITypeConverter<Boolean> {
        @Override
        public Boolean convert(String v) {
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "on", "true", "yes" -> true;
                case "off", "false", "no" -> false;
                default -> throw new TypeConversionException("must be on or off, got '" + v + "'");
            };
        }
    }
}
