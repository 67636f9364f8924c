package io.github.ecrpromotion.cli;

import io.github.ecrpromotion.core.env.PipelineState;
import io.github.ecrpromotion.core.exec.PromotionExecutor;
import io.github.ecrpromotion.core.registry.Registry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code promote state}: prints which build each environment holds, as JSON, read from the registry alone. */
@Command(name = "state", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Prints, as JSON on stdout, the build tag each environment's image has, in chain order "
                + "(environments without a tag are left out). Warnings go to stderr.")
final class StateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REPO", description = "host[:port]/name or oci:PATH")
    String repository;

    @Option(names = "--detail", description = "Give each environment's digest too.")
    boolean detail;

    @Mixin
    RegistryOptionsMixin registry;

    @Override
    public Integer call() throws Exception {
        var chain = registry.chain();
        PromoteCommand root = (PromoteCommand) spec.root().userObject();
        try (Registry reg = registry.open(repository, root.stdin())) {
            PipelineState state = new PromotionExecutor(reg, chain).state();
            PrintWriter err = spec.commandLine().getErr();
            state.warnings().forEach(w -> err.println("warning: " + w));
            err.flush();
            PrintWriter out = spec.commandLine().getOut();
            out.println(state.toJson(detail));
            out.flush();
        }
        return PromoteCommand.OK;
    }
}
