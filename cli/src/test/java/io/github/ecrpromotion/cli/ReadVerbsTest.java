package io.github.ecrpromotion.cli;

import static io.github.ecrpromotion.cli.DemoLayout.B10;
import static io.github.ecrpromotion.cli.DemoLayout.B11;
import static io.github.ecrpromotion.cli.DemoLayout.B12;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code promote tags} and {@code promote digest}: read-only verbs scripts use, in text and JSON. */
public class ReadVerbsTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private DemoLayout demo;

    @Before
    public void setUp() throws Exception {
        demo = new DemoLayout(tmp.newFolder("repo").toPath()).secondTable().tag("other", 10);
    }

    @Test
    public void tags_listsBuildTagsNewestFirst_withDigestAndEnvironments() {
        Cli.Run run = Cli.run("tags", demo.repo);
        assertEquals(run.toString(), 0, run.exit());
        assertEquals(String.join("\n",
                "BUILD TAG" + " ".repeat(B12.length() - 9) + "  DIGEST" + " ".repeat(65) + "  ENVIRONMENTS",
                B12 + "  " + demo.d12 + "  testing",
                B11 + "  " + demo.d11 + "  staging,production",
                B10 + "  " + demo.d10) + "\n", run.out());
    }

    @Test
    public void tags_json() {
        Cli.Run run = Cli.run("tags", demo.repo, "--output", "json");
        assertEquals(run.toString(), 0, run.exit());
        assertEquals("{\n  \"repository\": \"" + demo.repo + "\",\n  \"buildTags\": [\n"
                + "    {\n      \"buildTag\": \"" + B12 + "\",\n      \"digest\": \"" + demo.d12 + "\",\n"
                + "      \"environments\": [\n        \"testing\"\n      ]\n    },\n"
                + "    {\n      \"buildTag\": \"" + B11 + "\",\n      \"digest\": \"" + demo.d11 + "\",\n"
                + "      \"environments\": [\n        \"staging\",\n        \"production\"\n      ]\n    },\n"
                + "    {\n      \"buildTag\": \"" + B10 + "\",\n      \"digest\": \"" + demo.d10 + "\",\n"
                + "      \"environments\": []\n    }\n  ]\n}\n", run.out());
    }

    @Test
    public void tags_missingRepository_exits1() {
        Cli.Run run = Cli.run("tags", "oci:" + tmp.getRoot() + "/nothing");
        assertEquals(run.toString(), 1, run.exit());
    }

    @Test
    public void digest_ofATag_printsTheDigest() {
        assertEquals(demo.d11 + "\n", Cli.run("digest", demo.repo + ":staging").out());
        assertEquals(demo.d12 + "\n", Cli.run("digest", demo.repo + ":" + B12).out());
        Cli.Run run = Cli.run("digest", demo.repo + "@" + demo.d10, "-o", "json");
        assertEquals(run.toString(), "{\n  \"repository\": \"" + demo.repo + "\",\n  \"reference\": \"" + demo.d10
                + "\",\n  \"digest\": \"" + demo.d10 + "\"\n}\n", run.out());
    }

    @Test
    public void digest_ofABareRepository_readsLatest_asCraneDoes() throws Exception {
        assertEquals(io.github.ecrpromotion.core.ref.ImageRef.of(io.github.ecrpromotion.core.ref.Tag.of("latest")),
                DigestCommand.Reference.parse("registry.example.com:5000/team/app").ref());
        assertEquals("registry.example.com:5000/team/app", DigestCommand.Reference.parse("registry.example.com:5000/team/app").repository());
        demo.tag("latest", 11);
        Cli.Run run = Cli.run("digest", demo.repo);
        assertEquals(run.toString(), 0, run.exit());
        assertEquals(demo.d11 + "\n", run.out());
    }

    @Test
    public void digest_badOrMissingReference_exits2() {
        for (String[] row : new String[][] {
            {demo.repo, "has no such tag"}, // a bare repository means :latest, which the demo has not
            {demo.repo + ":nope", "has no such tag"},
            {demo.repo + "@sha256:" + "0".repeat(64), "has no such image"},
            {demo.repo + ":bad tag", "Tried to read the tag"},
        }) {
            Cli.Run run = Cli.run("digest", row[0]);
            assertEquals(run.toString(), 2, run.exit());
            assertTrue(run.toString(), run.err().startsWith("error: ") && run.err().contains(row[1]));
        }
    }
}
