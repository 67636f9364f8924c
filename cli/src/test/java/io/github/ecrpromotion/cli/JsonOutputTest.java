package io.github.ecrpromotion.cli;

import static io.github.ecrpromotion.cli.DemoLayout.B11;
import static io.github.ecrpromotion.cli.DemoLayout.B12;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code --output json} on every verb: the documented field names, in their order, and exit codes as in text. */
public class JsonOutputTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private DemoLayout demo;

    @Before
    public void setUp() throws Exception {
        demo = new DemoLayout(tmp.newFolder("repo").toPath()).secondTable();
    }

    private static Cli.Run ok(String... args) {
        Cli.Run run = Cli.run(args);
        assertEquals(run.toString(), 0, run.exit());
        return run;
    }

    @Test
    public void to_json_reportsBeforeAndAfterAndFlags() {
        Cli.Run run = ok("to", "staging", demo.repo, "--from", "testing", "--output", "json");
        assertEquals("{\n"
                + "  \"repository\": \"" + demo.repo + "\",\n"
                + "  \"environment\": \"staging\",\n"
                + "  \"buildTag\": \"" + B12 + "\",\n"
                + "  \"digest\": \"" + demo.d12 + "\",\n"
                + "  \"previousBuildTag\": \"" + B11 + "\",\n"
                + "  \"previousDigest\": \"" + demo.d11 + "\",\n"
                + "  \"changed\": true,\n"
                + "  \"explicit\": false,\n"
                + "  \"dryRun\": false\n"
                + "}\n", run.out());
    }

    @Test
    public void to_json_dryRunAndExplicit() {
        Cli.Run run = ok("to", "production", demo.repo, "--build-tag", DemoLayout.B10, "--dry-run", "-o", "json");
        assertTrue(run.out(), run.out().contains("\"explicit\": true,\n  \"dryRun\": true\n}"));
    }

    @Test
    public void tag_json_reportsTheEnvironmentAndEachTag() {
        Cli.Run run = ok("tag", demo.repo, "--source", demo.d12.toString(), "--build-tag", B12, "--env", "testing",
                "--output", "json");
        assertEquals("{\n"
                + "  \"repository\": \"" + demo.repo + "\",\n"
                + "  \"environment\": \"testing\",\n"
                + "  \"buildTag\": \"" + B12 + "\",\n"
                + "  \"digest\": \"" + demo.d12 + "\",\n"
                + "  \"previousBuildTag\": \"" + B12 + "\",\n"
                + "  \"previousDigest\": \"" + demo.d12 + "\",\n"
                + "  \"changed\": false,\n"
                + "  \"explicit\": false,\n"
                + "  \"dryRun\": false,\n"
                + "  \"tags\": [\n"
                + "    {\n"
                + "      \"tag\": \"" + B12 + "\",\n"
                + "      \"buildTag\": \"" + B12 + "\",\n"
                + "      \"digest\": \"" + demo.d12 + "\",\n"
                + "      \"previousBuildTag\": \"" + B12 + "\",\n"
                + "      \"previousDigest\": \"" + demo.d12 + "\",\n"
                + "      \"changed\": false\n"
                + "    },\n"
                + "    {\n"
                + "      \"tag\": \"testing\",\n"
                + "      \"buildTag\": \"" + B12 + "\",\n"
                + "      \"digest\": \"" + demo.d12 + "\",\n"
                + "      \"previousBuildTag\": \"" + B12 + "\",\n"
                + "      \"previousDigest\": \"" + demo.d12 + "\",\n"
                + "      \"changed\": false\n"
                + "    }\n"
                + "  ]\n"
                + "}\n", run.out());
    }

    @Test
    public void state_acceptsOutputJson_andPrintsTheSameJsonAsByDefault() {
        assertEquals(ok("state", demo.repo).out(), ok("state", demo.repo, "--output", "json").out());
        assertEquals(ok("state", demo.repo, "--detail").out(), ok("state", demo.repo, "--detail", "-o", "json").out());
    }

    @Test
    public void buildTag_json() {
        Cli.Run run = ok("build-tag", "--git-sha", "5ad95f2", "--job", "ecs-demo", "--build", "11",
                "--time", "2016-08-24T17:13:38Z", "--output", "json");
        assertEquals("{\n  \"buildTag\": \"2016.08.24T17.13.38Z.5ad95f2-ecs-demo-11\"\n}\n", run.out());
    }

    @Test
    public void errors_withJson_stillOneSentenceOnStderrAndTheExitCode() {
        Cli.Run run = Cli.run("to", "production", demo.repo, "--from", "testing", "--output", "json");
        assertEquals(run.toString(), 3, run.exit());
        assertEquals("", run.out());
        assertTrue(run.err(), run.err().startsWith("error: Tried to promote"));
    }

    @Test
    public void unknownFormat_exits2() {
        Cli.Run run = Cli.run("state", demo.repo, "--output", "yaml");
        assertEquals(run.toString(), 2, run.exit());
    }

    @Test
    public void writer_escapesControlAndBidiCharacters() {
        assertEquals("\"a\\u001b[2Jb\\u202ec\\u0085\\\"\\\\\\n\"", JsonOutput.string("a\u001b[2Jb\u202ec\u0085\"\\\n"));
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("k", java.util.Arrays.asList(1, null, true));
        m.put("e", java.util.Map.of());
        assertEquals("{\n  \"k\": [\n    1,\n    null,\n    true\n  ],\n  \"e\": {}\n}", JsonOutput.write(m));
    }

    @Test
    public void demo_json_printsTheLayoutAndTheFinalState() throws Exception {
        java.io.File dir = new java.io.File(tmp.getRoot(), "demo");
        Cli.Run run = ok("demo", dir.getPath(), "--output", "json");
        assertEquals("{\n  \"layout\": \"" + dir.getAbsolutePath() + "\",\n  \"repository\": \"oci:"
                + dir.getAbsolutePath() + "\",\n  \"state\": {\n"
                + "    \"testing\": \"" + B12 + "\",\n    \"staging\": \"" + B12 + "\",\n"
                + "    \"production\": \"" + B11 + "\"\n  }\n}\n", run.out());
    }
}
