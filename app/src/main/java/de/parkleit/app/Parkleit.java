package de.parkleit.app;

import de.parkleit.platform.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code parkleit} command: {@code demo}, {@code serve} and the tools. */
@Command(name = "parkleit", mixinStandardHelpOptions = true, version = "parkleit 0.1.0",
        description = "Parking guidance for cities: MQTT ingest, time-series history, guidance, signs, web map and dashboard.",
        subcommands = {DemoCommand.class, ServeCommand.class, FeedCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Tools (each takes --help):",
                "  backtest   Forecast accuracy on a real occupancy export: ./parkleit backtest --occupancy FILE.csv.gz --train-until DATE",
                "  simulate   Driver simulation and evaluation report: ./parkleit simulate --scenario NAME --guidance on|off --out DIR",
                "  replay     Replays real Münster exports over MQTT with time compression",
                "", "Configuration comes from PARKLEIT_* environment variables (see README); flags override them."})
public final class Parkleit implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int execute(String... args) {
        var tool = ToolCommands.run(args);
        if (tool.isPresent()) {
            return tool.get();
        }
        CommandLine cl = new CommandLine(new Parkleit());
        cl.setUsageHelpWidth(130);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof ConfigException) {
                cmd.getErr().println("parkleit: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
