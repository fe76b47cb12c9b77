package de.parkleit.app;

import de.parkleit.app.simulation.InProcessSystem;
import de.parkleit.platform.config.Env;
import de.parkleit.prediction.Backtest;
import de.parkleit.simulator.evaluation.SimulateCommand;
import de.parkleit.simulator.replay.ReplayCommand;
import java.util.Arrays;
import java.util.Optional;

/**
 * The tool subcommands that parse their own arguments ({@code backtest}, {@code simulate},
 * {@code replay}); {@link Parkleit} hands their arguments over unchanged.
 */
final class ToolCommands {

    private ToolCommands() {
    }

    /** Runs the tool named by {@code args[0]}, or returns empty if it is not a tool. */
    static Optional<Integer> run(String... args) {
        if (args.length == 0) {
            return Optional.empty();
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "backtest" -> Optional.of(new Backtest(System.out, System.err).run(rest));
            case "simulate" -> Optional.of(new SimulateCommand(o -> InProcessSystem.forOptions(o, Env.system())).run(rest));
            case "replay" -> Optional.of(ReplayCommand.run(rest, Env.system()));
            default -> Optional.empty();
        };
    }
}
