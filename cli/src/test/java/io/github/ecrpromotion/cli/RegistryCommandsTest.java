package io.github.ecrpromotion.cli;

import static io.github.ecrpromotion.cli.DemoLayout.B10;
import static io.github.ecrpromotion.cli.DemoLayout.B11;
import static io.github.ecrpromotion.cli.DemoLayout.B12;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.Tag;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code tag}, {@code to} and {@code state} against a real on-disk OCI layout, through ServiceLoader. */
public class RegistryCommandsTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private DemoLayout demo;

    @Before
    public void setUp() throws Exception {
        demo = new DemoLayout(tmp.newFolder("repo").toPath());
    }

    @Test
    public void fixture_buildTagsAreTheDesignsOwn() throws Exception {
        assertEquals(B10, DemoLayout.buildTag(10));
        assertEquals(B11, DemoLayout.buildTag(11));
        assertEquals(B12, DemoLayout.buildTag(12));
    }

    @Test
    public void tag_withGeneratedBuildTagAndEnv_putsBothTagsOnThePushedImage() throws Exception {
        SyntheticImage pushed = SyntheticImage.dockerV2("ecs-demo build 13");
        demo.layout.push(pushed, Tag.of("ci-upload"));
        Cli.Run run = Cli.run("tag", demo.repo, "--source", "ci-upload", "--git-sha", "5ad95f2", "--job", "ecs-demo",
                "--build", "13", "--time", "2016-08-24T17:13:38Z", "--env", "testing");
        assertEquals(run.toString(), 0, run.exit());
        String b13 = "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-13";
        String shortDigest = pushed.manifest().digest().shortForm();
        assertEquals(b13 + ": (no tag) -> " + b13 + " (" + shortDigest + ")\n"
                + "testing: (no tag) -> " + b13 + " (" + shortDigest + ")\n", run.out());
        Cli.Run state = Cli.run("state", demo.repo);
        assertEquals("{\n  \"testing\": \"" + b13 + "\"\n}\n", state.out());
    }

    @Test
    public void tag_bySourceDigestWithBuildTag_movesTestingAndSaysFromWhat() throws Exception {
        demo.tag("testing", 11);
        Cli.Run run = Cli.run("tag", demo.repo, "--source", demo.d12.toString(), "--build-tag", B12, "--env", "testing");
        assertEquals(run.toString(), 0, run.exit());
        assertTrue(run.out(), run.out().contains(B12 + ": unchanged at " + B12));
        assertTrue(run.out(), run.out().contains("testing: " + B11 + " (" + demo.d11.shortForm() + ") -> " + B12));
        assertEquals(Map.of("testing", B12), state());
    }

    @Test
    public void tag_whenRunAgain_reportsUnchangedAndWritesNothing() throws Exception {
        demo.tag("testing", 12);
        Map<String, String> before = demo.snapshot();
        Cli.Run run = Cli.run("tag", demo.repo, "--source", B12, "--build-tag", B12, "--env", "testing");
        assertEquals(run.toString(), 0, run.exit());
        assertTrue(run.out(), run.out().contains("testing: unchanged at " + B12));
        assertEquals(before, demo.snapshot());
    }

    @Test
    public void tag_dryRun_printsThePlanAndWritesNothing() throws Exception {
        Map<String, String> before = demo.snapshot();
        Cli.Run run = Cli.run("tag", demo.repo, "--source", B12, "--build-tag", B12, "--env", "testing", "--dry-run");
        assertEquals(run.toString(), 0, run.exit());
        assertTrue(run.out(), run.out().contains("[dry run] would set testing: (no tag) -> " + B12));
        assertEquals(before, demo.snapshot());
    }

    @Test
    public void tag_environmentBeyondTheFirstFromTesting_isRefusedWithExit3LikeTo() throws Exception {
        // The input: `promote tag REPO --source testing --build-tag T --env production` moved production
        // straight from testing with exit 0, while `to production --from testing` was refused.
        demo.tag("testing", 12);
        Map<String, String> before = demo.snapshot();
        String t = "2016.08.26T10.00.00Z.7cf1b24-ecs-demo-12";
        Cli.Run run = Cli.run("tag", demo.repo, "--source", "testing", "--build-tag", t, "--env", "production");
        assertEquals(run.toString(), 3, run.exit());
        assertTrue(run.err(), run.err().contains("production takes images only from its predecessor staging"));
        assertEquals(before, demo.snapshot());
        Cli.Run to = Cli.run("to", "production", demo.repo, "--from", "testing");
        assertEquals(to.toString(), 3, to.exit());
    }

    @Test
    public void tag_environmentBeyondTheFirstByDigest_isReportedAsExplicitLikeTo() throws Exception {
        Cli.Run run = Cli.run("tag", demo.repo, "--source", demo.d12.toString(), "--build-tag", B12, "--env", "production");
        assertEquals(run.toString(), 0, run.exit());
        assertTrue(run.out(), run.out().contains("; named explicitly, not taken from the predecessor staging (rollback or hotfix)"));
        Cli.Run to = Cli.run("to", "production", demo.repo, "--build-tag", B11);
        assertTrue(to.out(), to.out().contains("; named explicitly, not taken from the predecessor staging (rollback or hotfix)"));
    }

    @Test
    public void tag_reRunWithoutTime_isUnchangedAndAddsNoSecondBuildTag() throws Exception {
        // The input (build 13 here: the fixture already has build 12), run twice: without --time the second run makes a build tag with another time part.
        SyntheticImage pushed = SyntheticImage.dockerV2("ecs-demo candidate 13");
        demo.layout.push(pushed, Tag.of("candidate-13"));
        String[] args = {"tag", demo.repo, "--source", "candidate-13", "--git-sha", "5ad95f2", "--job", "ecs-demo",
            "--build", "13", "--env", "testing"};
        Cli.Run first = Cli.run(args);
        assertEquals(first.toString(), 0, first.exit());
        Map<String, String> before = demo.snapshot();
        Cli.Run again = Cli.run(args);
        assertEquals(again.toString(), 0, again.exit());
        assertTrue(again.out(), again.out().contains("unchanged at 20"));
        assertTrue(again.out(), again.out().contains("testing: unchanged at"));
        assertEquals(before, demo.snapshot());
        // Another image for the same build is refused, naming both digests.
        SyntheticImage other = SyntheticImage.dockerV2("ecs-demo candidate 13, rebuilt");
        demo.layout.push(other, Tag.of("candidate-13b"));
        Cli.Run clash = Cli.run("tag", demo.repo, "--source", "candidate-13b", "--git-sha", "5ad95f2", "--job",
                "ecs-demo", "--build", "13");
        assertEquals(clash.toString(), 3, clash.exit());
        assertTrue(clash.err(), clash.err().contains(pushed.manifest().digest().toString()));
        assertTrue(clash.err(), clash.err().contains(other.manifest().digest().toString()));
    }

    @Test
    public void stateAndTo_whenAnotherToolWroteATagThatIsNotValidForUs_skipItWithOneWarning() throws Exception {
        demo.tag("testing", 11);
        // Another tool named build 11's image with 200 characters (ECR allows 300; OCI tags stop at 128).
        String odd = "x".repeat(200);
        java.nio.file.Path index = demo.layout.path().resolve("index.json");
        String descriptor = "{\"mediaType\":\"" + DemoLayout.image(11).manifest().mediaType() + "\",\"digest\":\""
                + demo.d11 + "\",\"size\":" + DemoLayout.image(11).manifest().size()
                + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + odd + "\"}}";
        java.nio.file.Files.writeString(index, java.nio.file.Files.readString(index)
                .replaceFirst("\"manifests\"\\s*:\\s*\\[", "\"manifests\":[" + descriptor + ","));
        Cli.Run state = Cli.run("state", demo.repo);
        assertEquals(state.toString(), 0, state.exit());
        assertEquals(Map.of("testing", B11), state());
        assertTrue(state.err(), state.err().contains("warning: Skipped the tag '" + odd.substring(0, 20)));
        Cli.Run to = Cli.run("to", "staging", demo.repo, "--from", "testing");
        assertEquals(to.toString(), 0, to.exit());
        assertTrue(to.err(), to.err().contains("warning: Skipped the tag '"));
        assertEquals(Map.of("testing", B11, "staging", B11), state());
    }

    @Test
    public void to_namedBuildTag_isUsedExactlyAsTyped_andAnImpossibleOneIsRefused() throws Exception {
        // Another tool wrote build 7 with leading zeros; typed as it is, it must name that image, not "-7".
        String b007 = "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-007";
        SyntheticImage seven = SyntheticImage.dockerV2("ecs-demo build 007");
        demo.layout.push(seven, Tag.of(b007));
        Cli.Run run = Cli.run("to", "testing", demo.repo, "--build-tag", b007);
        assertEquals(run.toString(), 0, run.exit());
        assertTrue(run.out(), run.out().contains("testing: (no tag) -> " + b007 + " (" + seven.manifest().digest().shortForm()));
        assertEquals(Map.of("testing", b007), state());
        Map<String, String> before = demo.snapshot();
        for (String impossible : new String[] {"2016.02.30T17.13.38Z.5ad95f2-ecs-demo-10",
            "2016.08.24T24.00.00Z.5ad95f2-ecs-demo-10"}) {
            Cli.Run refused = Cli.run("to", "production", demo.repo, "--build-tag", impossible);
            assertEquals(refused.toString(), 2, refused.exit());
            assertTrue(refused.err(), refused.err().contains("not a real UTC date and time"));
        }
        assertEquals(before, demo.snapshot());
    }

    @Test
    public void tag_whenBuildTagAlreadyNamesAnotherImage_isRefusedWithExit3() throws Exception {
        Map<String, String> before = demo.snapshot();
        Cli.Run run = Cli.run("tag", demo.repo, "--source", B12, "--build-tag", B11);
        assertEquals(run.toString(), 3, run.exit());
        assertTrue(run.err(), run.err().contains("a build tag names one image forever"));
        assertTrue(run.err(), run.err().contains("promote build-tag"));
        assertEquals(before, demo.snapshot());
    }

    @Test
    public void to_fromPredecessor_movesTheTagAndPrintsOneLine() throws Exception {
        demo.secondTable();
        Cli.Run run = Cli.run("to", "staging", demo.repo, "--from", "testing");
        assertEquals(run.toString(), 0, run.exit());
        assertEquals("staging: " + B11 + " (" + demo.d11.shortForm() + ") -> " + B12 + " (" + demo.d12.shortForm()
                + ") (from the image in testing)\n", run.out());
        assertEquals("", run.err());
        assertEquals(Map.of("testing", B12, "staging", B12, "production", B11), state());
    }

    @Test
    public void to_whenTargetAlreadyAtDigest_reportsUnchangedWithExit0() throws Exception {
        demo.secondTable();
        Map<String, String> before = demo.snapshot();
        Cli.Run run = Cli.run("to", "production", demo.repo, "--from", "staging");
        assertEquals(run.toString(), 0, run.exit());
        assertTrue(run.out(), run.out().startsWith("production: unchanged at " + B11));
        assertEquals(before, demo.snapshot());
    }

    @Test
    public void to_withExplicitBuildTag_rollsBackAndSaysItWasExplicit() throws Exception {
        demo.secondTable();
        Cli.Run run = Cli.run("to", "production", demo.repo, "--build-tag", B10);
        assertEquals(run.toString(), 0, run.exit());
        assertEquals(1, run.out().lines().count());
        assertTrue(run.out(), run.out().startsWith("production: " + B11 + " (" + demo.d11.shortForm() + ") -> " + B10));
        assertTrue(run.out(), run.out().contains("explicit build tag " + B10));
        assertTrue(run.out(), run.out().contains("not taken from the predecessor staging (rollback or hotfix)"));
        assertEquals(B10, state().get("production"));
    }

    @Test
    public void to_withExplicitDigest_skipsTheChainAndSaysItWasExplicit() throws Exception {
        demo.secondTable();
        Cli.Run run = Cli.run("to", "production", demo.repo, "--digest", demo.d12.toString());
        assertEquals(run.toString(), 0, run.exit());
        assertTrue(run.out(), run.out().contains("explicit digest " + demo.d12));
        assertTrue(run.out(), run.out().contains("rollback or hotfix"));
        assertEquals(B12, state().get("production"));
    }

    @Test
    public void to_dryRun_printsWhatWouldMoveAndWritesNothing() throws Exception {
        demo.secondTable();
        Map<String, String> before = demo.snapshot();
        Cli.Run run = Cli.run("to", "staging", demo.repo, "--from", "testing", "--dry-run");
        assertEquals(run.toString(), 0, run.exit());
        assertTrue(run.out(), run.out().startsWith("[dry run] would set staging: " + B11));
        assertEquals(before, demo.snapshot());
    }

    @Test
    public void to_withCustomChain_followsThatChain() throws Exception {
        demo.tag("dev", 12).tag("prod", 10);
        Cli.Run run = Cli.run("to", "prod", demo.repo, "--from", "dev", "--environments", "dev,prod");
        assertEquals(run.toString(), 0, run.exit());
        Cli.Run state = Cli.run("state", demo.repo, "--environments", "dev -> prod");
        assertEquals("{\n  \"dev\": \"" + B12 + "\",\n  \"prod\": \"" + B12 + "\"\n}\n", state.out());
    }

    @Test
    public void state_printsTheDesignsJsonInChainOrder() throws Exception {
        demo.tag("production", 11).tag("staging", 11).tag("testing", 12);
        Cli.Run run = Cli.run("state", demo.repo);
        assertEquals(run.toString(), 0, run.exit());
        assertEquals("{\n"
                + "  \"testing\": \"" + B12 + "\",\n"
                + "  \"staging\": \"" + B11 + "\",\n"
                + "  \"production\": \"" + B11 + "\"\n"
                + "}\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    public void state_detail_addsDigests() throws Exception {
        demo.secondTable();
        Cli.Run run = Cli.run("state", demo.repo, "--detail");
        assertEquals(run.toString(), 0, run.exit());
        assertEquals("{\n"
                + "  \"testing\": {\"buildTag\": \"" + B12 + "\", \"digest\": \"" + demo.d12 + "\"},\n"
                + "  \"staging\": {\"buildTag\": \"" + B11 + "\", \"digest\": \"" + demo.d11 + "\"},\n"
                + "  \"production\": {\"buildTag\": \"" + B11 + "\", \"digest\": \"" + demo.d11 + "\"}\n"
                + "}\n", run.out());
    }

    @Test
    public void state_ofRepositoryWithoutEnvironmentTags_printsEmptyObject() {
        Cli.Run run = Cli.run("state", demo.repo);
        assertEquals(run.toString(), 0, run.exit());
        assertEquals("{}\n", run.out());
    }

    @Test
    public void state_whenEnvironmentImageHasNoBuildTag_printsNullAndWarnsOnStderr() throws Exception {
        SyntheticImage orphan = SyntheticImage.ociManifest("pushed by hand");
        demo.layout.push(orphan, Tag.of("staging"));
        demo.tag("testing", 12);
        Cli.Run run = Cli.run("state", demo.repo);
        assertEquals(run.toString(), 0, run.exit());
        assertEquals("{\n  \"testing\": \"" + B12 + "\",\n  \"staging\": null\n}\n", run.out());
        assertTrue(run.err(), run.err().startsWith("warning: staging points at image " + orphan.manifest().digest()));
        assertTrue(run.err(), run.err().contains("no build tag"));
    }

    @Test
    public void state_whenImageHasSeveralBuildTags_reportsTheNewestAndWarns() throws Exception {
        demo.tag(B12.replace("-12", "-99"), 12).tag("testing", 12);
        Cli.Run run = Cli.run("state", demo.repo);
        assertEquals(run.toString(), 0, run.exit());
        assertEquals("{\n  \"testing\": \"" + B12.replace("-12", "-99") + "\"\n}\n", run.out());
        assertTrue(run.err(), run.err().startsWith("warning: testing points at image " + demo.d12));
        assertNotEquals("", run.err());
    }

    private Map<String, String> state() {
        Cli.Run run = Cli.run("state", demo.repo);
        assertEquals(run.toString(), 0, run.exit());
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String line : run.out().lines().toList()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*\"([^\"]+)\": \"([^\"]+)\",?").matcher(line);
            if (m.matches()) {
                out.put(m.group(1), m.group(2));
            }
        }
        return out;
    }
}
