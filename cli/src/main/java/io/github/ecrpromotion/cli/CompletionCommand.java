package io.github.ecrpromotion.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code promote completion bash|zsh}: prints a completion script made by picocli's generator from this tool's own
 * command model, so it always knows every verb and option. The script serves both shells: under zsh it loads
 * {@code bashcompinit} itself.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a shell completion script for bash or zsh.",
            "bash: source <(promote completion bash)   (or save it in /etc/bash_completion.d/promote)",
            "zsh:  source <(promote completion zsh)    (in ~/.zshrc)"})
final class CompletionCommand implements Callable<Integer> {
    /** The shells the generated script supports. */
    enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh")
    Shell shell;

    @Override
    public Integer call() {
        // picocli's script starts with the zsh preamble (compinit, bashcompinit) guarded by $ZSH_VERSION, so one
        // script is right for both shells.
        String script = AutoComplete.bash("promote", spec.root().commandLine());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return PromoteCommand.OK;
    }
}
