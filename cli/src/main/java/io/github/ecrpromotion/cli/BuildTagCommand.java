package io.github.ecrpromotion.cli;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code promote build-tag}: prints the build tag of a build; touches no registry. */
@Command(name = "build-tag", mixinStandardHelpOptions = true,
        description = "Prints the build tag for a build, e.g. 2016.08.24T17.13.38Z.5ad95f2-ecs-demo-11.")
final class BuildTagCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = false, multiplicity = "1")
    BuildFacts facts;

    @Mixin
    OutputFormat output;

    @Option(names = "--debug", description = "Print the stack trace of an error.")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        String tag = facts.toBuildTag(Clock.systemUTC()).toString();
        Printer p = new Printer(spec);
        if (output.json()) {
            p.json(Map.of("buildTag", tag));
        } else {
            p.line(tag);
        }
        return PromoteCommand.OK;
    }
}
