package de.parkleit.app;

import de.parkleit.app.simulation.InProcessSystem;
import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code parkleit} command. Every subcommand is registered in {@link #commandLine(Env)}, and only there; each one
 * is a picocli {@code @Command} with {@code mixinStandardHelpOptions = true}, so it answers {@code -h/--help} and
 * {@code -V/--version}, rejects unknown options with the usage and exit code 2, and appears in the shell completion.
 */
@Command(name = "parkleit", mixinStandardHelpOptions = true, version = "parkleit 0.1.0",
        description = "Parking guidance for cities: MQTT ingest, time-series history, guidance, signs, web map and dashboard.",
        footer = {"", "Each command takes -h/--help. Configuration comes from PARKLEIT_* environment variables (see README);",
                "flags override them."})
public final class Parkleit implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int execute(String... args) {
        return commandLine(Env.system()).execute(args);
    }

    /** As {@link #execute(String...)}, with picocli's help and error output going to {@code out} and {@code err}. */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(Env.system());
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /**
     * The command tree. To add a command: write a {@code @Command(name = "...", mixinStandardHelpOptions = true)} class
     * (Callable&lt;Integer&gt; returning the exit code; throw {@link CommandLine.ParameterException} for bad usage,
     * {@link ConfigException} for bad configuration) and add one line below. {@code ParkleitCliTest} then checks its
     * {@code --help} and unknown-option behaviour without further changes.
     */
    /** Subcommands at every depth ({@code feed check}, {@code city init}) answer {@code -V} with the root's version. */
    private static void inheritVersion(CommandLine parent, String[] version) {
        parent.getSubcommands().values().forEach(sub -> {
            if (sub.getCommandSpec().version().length == 0) {
                sub.getCommandSpec().version(version);
            }
            inheritVersion(sub, version);
        });
    }

    static CommandLine commandLine(Env env) {
        CommandLine cl = new CommandLine(new Parkleit());
        cl.addSubcommand(new DemoCommand());
        cl.addSubcommand(new ServeCommand());
        cl.addSubcommand(new FeedCommand());
        cl.addSubcommand(new CityCommand());
        cl.addSubcommand(new BacktestTool());
        cl.addSubcommand(new SimulateTool(o -> InProcessSystem.forOptions(o, env)));
        cl.addSubcommand(new ReplayTool(env));
        cl.addSubcommand(new SignBridgeCommand());
        cl.addSubcommand(new CompletionCommand());
        cl.addSubcommand(new HelpCommand());

        inheritVersion(cl, cl.getCommandSpec().version());
        cl.setUsageHelpWidth(130);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof ConfigException) {
                cmd.getErr().println("parkleit: " + ex.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            throw ex;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
