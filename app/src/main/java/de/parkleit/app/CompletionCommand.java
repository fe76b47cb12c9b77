package de.parkleit.app;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code parkleit completion}: prints the bash/zsh completion script picocli's {@link AutoComplete} generates. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a bash/zsh completion script for every parkleit command and option:",
                "  ./parkleit completion > parkleit-completion.bash && source parkleit-completion.bash"})
final class CompletionCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().print(AutoComplete.bash("parkleit", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
    }
}
