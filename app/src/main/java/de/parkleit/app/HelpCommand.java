package de.parkleit.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code parkleit help [COMMAND]}: the usage of a command. Unlike picocli's built-in help command it rejects unknown
 * options like every other command.
 */
@Command(name = "help", mixinStandardHelpOptions = true,
        description = "Shows the usage of COMMAND, or of parkleit when none is given.")
final class HelpCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "COMMAND", description = "the command to show the usage of")
    String command;

    @Override
    public void run() {
        CommandLine root = spec.root().commandLine();
        CommandLine target = command == null ? root : root.getSubcommands().get(command);
        if (target == null) {
            throw new ParameterException(spec.commandLine(), "Unknown command: '" + command + "'");
        }
        target.usage(spec.commandLine().getOut());
    }
}
