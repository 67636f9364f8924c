package io.github.ecrpromotion.cli;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.PromotionException;
import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.env.Environment;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.exec.PromotionExecutor;
import io.github.ecrpromotion.core.exec.PromotionResult;
import io.github.ecrpromotion.core.exec.TagResult;
import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.plan.PromotionRequest;
import io.github.ecrpromotion.core.plan.PromotionSource;
import io.github.ecrpromotion.core.plan.TagRequest;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Registries;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.oci.layout.OciLayout;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code promote demo}: plays the design's story (builds 10, 11 and 12 of ecs-demo moving through testing, staging
 * and production) on a fresh on-disk OCI layout, through the same code paths as the other commands.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Creates an OCI image layout holding three small real images (builds 10, 11 and 12 of "
                + "ecs-demo) and moves the environment tags as the design's story goes, printing the state after "
                + "each step. Needs no registry and no network.")
final class DemoCommand implements Callable<Integer> {
    /** The design's build time and commit; its three builds share them and differ by build number. */
    static final Instant TIME = Instant.parse("2016-08-24T17:13:38Z");
    static final String SHA = "5ad95f2";
    static final String JOB = "ecs-demo";
    /** The tag build 13 is pushed under, as a CI upload before it gets its build tag. */
    static final String CI_UPLOAD = "ci-upload";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "A new or empty directory for the layout (default: a new temporary directory).")
    Path dir;

    @Option(names = "--debug", description = "Print the stack trace of an error.")
    boolean debug;

    @Mixin
    OutputFormat output;

    private PrintWriter out;
    private PromotionExecutor executor;
    private String repo;
    private int step;
    private Map<String, String> finalState = Map.of();
    /** The digest CI got back from each push: what it names the image by when it tags it. */
    private final Map<BuildTag, Digest> pushed = new HashMap<>();

    @Override
    public Integer call() throws Exception {
        // With --output json the story is not told; one document with the layout and the final state is printed.
        out = output.json() ? new PrintWriter(java.io.Writer.nullWriter()) : spec.commandLine().getOut();
        Path target = dir == null ? Files.createTempDirectory("promote-demo-") : dir.toAbsolutePath().normalize();
        if (dir != null && Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                if (files.findAny().isPresent()) {
                    throw new InvalidInputException("Tried to create the demo layout in " + target + " but failed "
                            + "because the directory is not empty; give a new or empty directory, or none for a temporary one");
                }
            }
        }
        OciLayout layout = OciLayout.create(target);
        BuildTag b10 = BuildTag.generate(TIME, SHA, JOB, 10);
        BuildTag b11 = BuildTag.generate(TIME, SHA, JOB, 11);
        BuildTag b12 = BuildTag.generate(TIME, SHA, JOB, 12);
        for (BuildTag b : new BuildTag[] {b10, b11, b12}) {
            pushed.put(b, layout.push(SyntheticImage.dockerV2(JOB + " build " + b.buildNumber()), b.tag()));
        }
        // Build 13 as CI has just pushed it, under a plain tag and without a build tag: what docs/CLI.md's
        // 'promote tag oci:DIR --source ci-upload ...' example tags, so that example runs as written on this layout.
        layout.push(SyntheticImage.dockerV2(JOB + " build 13"), Tag.of(CI_UPLOAD));
        repo = "oci:" + layout.path();
        // The directory is the user's text: escaped like everything else this tool echoes.
        out.println("Demo layout: " + TerminalText.escape(layout.path().toString()));
        out.println("It holds three small real images (Docker v2.2 manifests, gzipped layers), pushed under their build tags:");
        out.println("  " + b10 + "\n  " + b11 + "\n  " + b12);
        out.println("and build 13 under the tag " + CI_UPLOAD + ", as CI has just pushed it, without a build tag yet.");
        out.println("Look at it any time with: promote state " + TerminalText.escape(repo) + " --detail");

        // The real path: the backend is found through ServiceLoader, exactly as for `promote to oci:DIR`.
        EnvironmentChain chain = EnvironmentChain.DEFAULT;
        try (Registry registry = Registries.open(Repository.parse(repo), RegistryOptions.defaults())) {
            executor = new PromotionExecutor(registry, chain);
            enter(b10, "Build 10 enters testing (what CI does right after the push)");
            promote("staging", "testing", "Build 10 passed testing: promote it to staging");
            promote("production", "staging", "Build 10 passed staging: promote it to production");
            enter(b11, "Build 11 enters testing");
            promote("staging", "testing", "Build 11 goes to staging; this is the design's first table "
                    + "(11 in testing and staging, 10 in production)");
            enter(b12, "Build 12 enters testing");
            promote("production", "staging", "Build 11 goes to production; this is the design's second table "
                    + "(12 in testing, 11 in staging and production)");
            promote("staging", "testing", "Build 12 is promoted from testing to staging; the design's final state");
        }
        out.flush();
        if (output.json()) {
            Map<String, Object> doc = new java.util.LinkedHashMap<>();
            doc.put("layout", layout.path().toString());
            doc.put("repository", repo);
            doc.put("state", finalState);
            new Printer(spec).json(doc);
        }
        return PromoteCommand.OK;
    }

    /** CI's step after a push: name the pushed image by its digest, make sure it has its build tag, add testing. */
    private void enter(BuildTag build, String caption) throws PromotionException {
        caption(caption, "promote tag " + repo + " --source " + pushed.get(build) + " --build-tag " + build + " --env testing");
        TagResult result = executor.applyTags(new TagRequest(ImageRef.of(pushed.get(build)), build,
                Optional.of(Environment.of("testing"))), false);
        result.describe().forEach(l -> out.println("  " + l));
        printState();
    }

    private void promote(String target, String from, String caption) throws PromotionException {
        caption(caption, "promote to " + target + " " + repo + " --from " + from);
        PromotionResult result = executor.promote(new PromotionRequest(Environment.of(target),
                new PromotionSource.FromEnvironment(Environment.of(from))), false);
        out.println("  " + result.describe());
        printState();
    }

    private void caption(String caption, String command) {
        out.println();
        out.println("Step " + (++step) + ": " + caption);
        out.println("$ " + TerminalText.escape(command));
    }

    private void printState() throws PromotionException {
        var state = executor.state();
        finalState = state.asMap();
        out.println(state.toJson(false));
        out.flush();
    }

}
