package io.github.ecrpromotion.cli;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.exec.PromotionExecutor;
import io.github.ecrpromotion.core.exec.PromotionResult;
import io.github.ecrpromotion.core.plan.PromotionRequest;
import io.github.ecrpromotion.core.plan.PromotionSource;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.registry.Registry;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code promote to}: points an environment's tag at the image in its predecessor, or at a named build or digest. */
@Command(name = "to", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Points ENV's tag at the image now in its predecessor (--from), or at an image named by build "
                + "tag or digest (a rollback or hotfix). Writes the same manifest bytes under the tag; no layer moves.")
final class ToCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ENV", description = "The environment to promote to.")
    String target;

    @Parameters(index = "1", paramLabel = "REPO", description = "host[:port]/name or oci:PATH")
    String repository;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--dry-run", description = "Print what would change; write nothing.")
    boolean dryRun;

    @Mixin
    RegistryOptionsMixin registry;

    @Mixin
    OutputFormat output;

    /** Where the image comes from: exactly one of these. */
    static final class Source {
        @Option(names = "--from", required = true, paramLabel = "ENV",
                description = "Take the image now in this environment (ENV's predecessor in the chain).")
        String from;

        @Option(names = "--build-tag", required = true, paramLabel = "TAG",
                description = "Take the image with this build tag (rollback or hotfix; any environment may take it).")
        String buildTag;

        @Option(names = "--digest", required = true, paramLabel = "DIGEST",
                description = "Take the image with this digest, sha256:... (rollback or hotfix).")
        String digest;

        PromotionSource resolve(EnvironmentChain chain) throws InvalidInputException {
            if (from != null) {
                return new PromotionSource.FromEnvironment(chain.require(Environment.parse(from).name()));
            }
            if (buildTag != null) {
                return new PromotionSource.ByBuildTag(BuildTag.parse(buildTag));
            }
            return new PromotionSource.ByDigest(Digest.parse(digest));
        }
    }

    @Override
    public Integer call() throws Exception {
        EnvironmentChain chain = registry.chain();
        Environment env = chain.require(Environment.parse(target).name());
        PromotionRequest request = new PromotionRequest(env, source.resolve(chain));
        PromoteCommand root = (PromoteCommand) spec.root().userObject();
        try (Registry reg = registry.open(repository, root.stdin())) {
            PromotionResult result = new PromotionExecutor(reg, chain).promote(request, dryRun);
            Printer p = new Printer(spec);
            if (output.json()) {
                p.json(result.toMap());
            } else {
                p.line(result.describe());
            }
            p.warnings(result.warnings());
        }
        return PromoteCommand.OK;
    }
}
