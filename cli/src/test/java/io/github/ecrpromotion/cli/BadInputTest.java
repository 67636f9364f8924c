package io.github.ecrpromotion.cli;

import static io.github.ecrpromotion.cli.DemoLayout.B10;
import static io.github.ecrpromotion.cli.DemoLayout.B11;
import static io.github.ecrpromotion.cli.DemoLayout.B12;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Tag;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Section 5 of the issue: every bad input and refusal gets one clear sentence on stderr, its exit code, no stack
 * trace, and writes nothing (every file of the layout is compared before and after).
 */
public class BadInputTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private DemoLayout demo;
    private Map<String, String> before;

    @Before
    public void setUp() throws Exception {
        demo = new DemoLayout(tmp.newFolder("repo").toPath()).secondTable();
        before = demo.snapshot();
    }

    /** Runs the command, checks exit code, one error line containing {@code expected}, no stack trace, no write. */
    private Cli.Run fails(int exit, String expected, String... args) {
        Cli.Run run = Cli.run(args);
        String ctx = String.join(" ", args) + "\n" + run;
        assertEquals(ctx, exit, run.exit());
        assertEquals(ctx, "", run.out());
        assertTrue(ctx, run.err().startsWith("error: "));
        assertEquals(ctx, 1, run.err().lines().count());
        assertTrue(ctx, run.err().contains(expected));
        assertFalse(ctx, run.err().contains("\tat "));
        assertEquals(ctx, before, demo.snapshot());
        return run;
    }

    @Test
    public void malformedRepositoryReference_exits2() {
        fails(2, "Tried to read the repository 'not a repo'", "to", "staging", "not a repo", "--from", "testing");
        fails(2, "without a scheme", "state", "https://registry.example.com/app");
        fails(2, "names an image, not a repository", "state", "registry.example.com/app:latest");
        fails(2, "must be lower-case", "tag", "registry.example.com/App", "--source", "latest", "--build-tag", B12);
    }

    @Test
    public void invalidTag_exits2() {
        fails(2, "Tried to read the tag 'bad tag!'", "tag", demo.repo, "--source", "bad tag!", "--build-tag", B12);
        fails(2, "Tried to read the build tag", "to", "production", demo.repo, "--build-tag", "latest");
        fails(2, "Tried to read the build tag", "tag", demo.repo, "--source", B12, "--build-tag", "v1.2.3");
        fails(2, "Tried to read the environment name 'qa!'", "to", "qa!", demo.repo, "--from", "staging");
    }

    @Test
    public void invalidDigest_exits2() {
        fails(2, "Tried to read the digest 'sha256:1234'", "to", "production", demo.repo, "--digest", "sha256:1234");
        fails(2, "64 lower-case hex digits", "tag", demo.repo, "--source", "sha256:" + demo.d12.hex().toUpperCase(),
                "--build-tag", B12);
    }

    @Test
    public void unknownEnvironment_exits2AndNamesTheValidOnes() {
        Cli.Run run = fails(2, "Tried to use the environment 'qa'", "to", "qa", demo.repo, "--from", "staging");
        assertTrue(run.err(), run.err().contains("valid environments are testing -> staging -> production"));
        assertTrue(run.err(), run.err().contains("--environments"));
        fails(2, "environment 'qa'", "to", "production", demo.repo, "--from", "qa");
        fails(2, "environment 'qa'", "tag", demo.repo, "--source", B12, "--build-tag", B12, "--env", "qa");
        fails(2, "appears twice", "state", demo.repo, "--environments", "testing,staging,testing");
    }

    @Test
    public void buildTagNotInRepository_exits2() {
        String absent = B12.replace("-12", "-42");
        fails(2, "build tag " + absent + " is not in " + demo.repo, "to", "production", demo.repo, "--build-tag", absent);
        fails(2, "no image in " + demo.repo + " has that digest", "to", "production", demo.repo, "--digest",
                "sha256:" + "0".repeat(64));
        fails(2, "no image has that tag there", "tag", demo.repo, "--source", absent, "--build-tag", absent);
    }

    @Test
    public void sourceEnvironmentWithoutTag_exits2() throws Exception {
        DemoLayout fresh = new DemoLayout(tmp.newFolder("fresh").toPath());
        Map<String, String> freshBefore = fresh.snapshot();
        Cli.Run run = Cli.run("to", "staging", fresh.repo, "--from", "testing");
        assertEquals(run.toString(), 2, run.exit());
        assertTrue(run.err(), run.err().contains("environment testing has no tag in " + fresh.repo));
        assertEquals(freshBefore, fresh.snapshot());
    }

    @Test
    public void promotionNotFromPredecessor_isRefusedWithExit3() {
        Cli.Run run = fails(3, "production takes images only from its predecessor staging",
                "to", "production", demo.repo, "--from", "testing");
        assertTrue(run.err(), run.err().contains("with this tool: 'promote to ENV REPO --build-tag TAG' or '--digest DIGEST'"));
        fails(3, "testing is the first environment", "to", "testing", demo.repo, "--from", "staging");
    }

    @Test
    public void imageWouldLoseItsLastTag_isRefusedWithExit3() throws Exception {
        SyntheticImage handPushed = SyntheticImage.dockerV2("pushed by hand, never build-tagged");
        demo.layout.push(handPushed, Tag.of("production"));
        before = demo.snapshot();
        Cli.Run run = fails(3, "'production' is the last tag on image " + handPushed.manifest().digest(),
                "to", "production", demo.repo, "--build-tag", B11);
        assertTrue(run.err(), run.err().contains("promote tag REPO --source DIGEST --build-tag TAG"));
    }

    @Test
    public void tagImmutable_isRefusedWithExit3AndNothingMoves() throws Exception {
        String repo = ImmutableTagsRegistryProvider.HOST + "/oe/ecs-demo";
        Cli.Run run = Cli.run("to", "staging", repo, "--from", "testing");
        assertEquals(run.toString(), 3, run.exit());
        assertEquals("", run.out());
        assertTrue(run.err(), run.err().contains("tags are immutable"));
        assertTrue(run.err(), run.err().contains("IMMUTABLE_WITH_EXCLUSION"));
        assertEquals(1, run.err().lines().count());
        assertEquals(demo.d11, ImmutableTagsRegistryProvider.last.resolve(ImageRef.of(Tag.of("staging"))).orElseThrow());
    }

    @Test
    public void tagImmutable_withDebug_printsTheStackTrace() {
        Cli.Run run = Cli.run("to", "staging", ImmutableTagsRegistryProvider.HOST + "/oe/ecs-demo", "--from", "testing",
                "--debug");
        assertEquals(run.toString(), 3, run.exit());
        assertTrue(run.err(), run.err().contains("ImmutableTagException"));
        assertTrue(run.err(), run.err().contains("\tat "));
    }

    @Test
    public void notAnOciLayout_exits1WithWhatIsMissing() throws Exception {
        String dir = tmp.newFolder("empty").toString();
        fails(1, "not an OCI image layout", "state", "oci:" + dir);
        fails(1, "no such directory", "to", "staging", "oci:" + dir + "/nope", "--from", "testing");
    }

    @Test
    public void usageErrors_exit2WithAPointerToHelp() {
        fails(2, "Missing required parameter: 'REPO'", "state");
        fails(2, "Unknown option: '--bogus'", "state", demo.repo, "--bogus");
        fails(2, "mutually exclusive", "to", "production", demo.repo, "--from", "staging", "--digest",
                demo.d12.toString());
        fails(2, "specify one of these", "to", "production", demo.repo);
        fails(2, "mutually exclusive", "tag", demo.repo, "--source", B12, "--build-tag", B12, "--git-sha", "5ad95f2",
                "--job", "ecs-demo", "--build", "12");
        fails(2, "Missing required argument", "tag", demo.repo, "--source", B12, "--git-sha", "5ad95f2");
        fails(2, "Missing required option: '--source", "tag", demo.repo, "--build-tag", B12);
        fails(2, "Unmatched argument", "state", demo.repo, "extra");
        fails(2, "'x' is not a whole number in the digits 0-9", "state", demo.repo, "--timeout", "x");
        Cli.Run run = fails(2, "run 'promote to --help' for usage", "to", "production", demo.repo);
        assertFalse(run.err(), run.err().contains("Usage:"));
        fails(2, "Missing a command", new String[0]);
        fails(2, "Unmatched argument", "promote-all");
    }

    @Test
    public void badOptionValues_exit2() {
        fails(2, "--timeout 0", "state", demo.repo, "--timeout", "0");
        // Credentials apply to registries over HTTP only; each of these fails before any connection is made.
        fails(2, "no --username was given", "state", "127.0.0.1:1/app", "--password-stdin");
        fails(2, "pipe it in with --password-stdin", "state", "127.0.0.1:1/app", "--username", "ci");
        fails(2, "standard input was empty", "state", "127.0.0.1:1/app", "--username", "ci", "--password-stdin");
        fails(2, "--username with oci:", "state", demo.repo, "--username", "ci", "--password-stdin");
    }

    @Test
    public void dryRunOfARefusedPromotion_isStillRefused() {
        fails(3, "takes images only from its predecessor", "to", "production", demo.repo, "--from", "testing",
                "--dry-run");
    }

    @Test
    public void passwordFromStdin_neverAppearsInOutput() {
        // Reading and holding the password prints nothing: not in a refusal, not in a registry failure with --debug.
        String secret = "s3cret-Pa55word";
        Cli.Run run = Cli.withStdin(secret + "\n", "to", "production", demo.repo, "--from", "testing",
                "--username", "ci", "--password-stdin", "--debug");
        assertEquals(run.toString(), 2, run.exit());
        assertFalse(run.toString(), run.out().contains(secret) || run.err().contains(secret));
        Cli.Run failed = Cli.withStdin(secret, "state", "127.0.0.1:1/app", "--username", "ci", "--password-stdin",
                "--timeout", "5", "--debug");
        assertEquals(failed.toString(), 1, failed.exit());
        assertFalse(failed.toString(), failed.out().contains(secret) || failed.err().contains(secret));
    }
}
