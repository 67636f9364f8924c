package io.github.ecrpromotion.cli;

import io.github.ecrpromotion.core.env.PipelineState;
import io.github.ecrpromotion.core.exec.PromotionExecutor;
import io.github.ecrpromotion.core.registry.Registry;
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

    @Mixin
    OutputFormat output;

    @Override
    public Integer call() throws Exception {
        var chain = registry.chain();
        PromoteCommand root = (PromoteCommand) spec.root().userObject();
        try (Registry reg = registry.open(repository, root.stdin())) {
            PipelineState state = new PromotionExecutor(reg, chain).state();
            Printer p = new Printer(spec);
            p.warnings(state.warnings());
            if (output.format == OutputFormat.Format.text) {
                // Asked for by name: one line an environment. Without --output, state keeps printing JSON.
                state.environments().forEach(s -> p.line(s.environment().name() + ": "
                        + s.buildTag().map(Object::toString).orElse("(no build tag)") + " (" + s.digest() + ")"));
            } else {
                p.lines(state.toJson(detail));
            }
        }
        return PromoteCommand.OK;
    }
}
