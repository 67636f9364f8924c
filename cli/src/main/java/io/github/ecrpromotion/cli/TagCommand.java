package io.github.ecrpromotion.cli;

import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.exec.PromotionExecutor;
import io.github.ecrpromotion.core.exec.TagResult;
import io.github.ecrpromotion.core.plan.TagRequest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.registry.Registry;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code promote tag}: puts a build tag, and optionally an environment tag, on an image just pushed. */
@Command(name = "tag", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Puts the build tag, and optionally an environment tag, on an existing image "
                + "(what a build does right after the push). A build tag never moves once set.")
final class TagCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REPO", description = "host[:port]/name or oci:PATH")
    String repository;

    @Option(names = "--source", required = true, paramLabel = "TAG|DIGEST",
            description = "The image to tag: a tag it has now, or its digest (sha256:...).")
    String source;

    @ArgGroup(exclusive = true, multiplicity = "1")
    BuildTagChoice buildTag;

    @Option(names = "--env", paramLabel = "ENV", description = "Also point this environment's tag at the image.")
    String environment;

    @Option(names = "--dry-run", description = "Print what would change; write nothing.")
    boolean dryRun;

    @Mixin
    RegistryOptionsMixin registry;

    @Mixin
    OutputFormat output;

    /** Either a ready build tag or the facts to generate one. */
    static final class BuildTagChoice {
        @Option(names = "--build-tag", required = true, paramLabel = "TAG", description = "The build tag to put on the image.")
        String text;

        @ArgGroup(exclusive = false, multiplicity = "1", heading = "Or generate the build tag from:%n")
        BuildFacts facts;

        BuildTag resolve() throws io.github.ecrpromotion.core.InvalidInputException {
            return text != null ? BuildTag.parse(text) : facts.toBuildTag(Clock.systemUTC());
        }
    }

    @Override
    public Integer call() throws Exception {
        EnvironmentChain chain = registry.chain();
        ImageRef ref = ImageRef.parse(source);
        BuildTag tag = buildTag.resolve();
        Optional<Environment> env = Optional.empty();
        if (environment != null) {
            env = Optional.of(chain.require(Environment.parse(environment).name()));
        }
        PromoteCommand root = (PromoteCommand) spec.root().userObject();
        try (Registry reg = registry.open(repository, root.stdin())) {
            TagResult result = new PromotionExecutor(reg, chain).applyTags(new TagRequest(ref, tag, env), dryRun);
            Printer p = new Printer(spec);
            if (output.json()) {
                p.json(ResultMaps.of(result, env.map(Environment::name)));
            } else {
                result.describe().forEach(p::line);
            }
            p.warnings(result.warnings());
        }
        return PromoteCommand.OK;
    }
}
