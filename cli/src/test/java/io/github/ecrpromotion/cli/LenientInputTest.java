package io.github.ecrpromotion.cli;

import static io.github.ecrpromotion.cli.DemoLayout.B12;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Issue 8, section 6: input that used to be accepted or to fail with "unexpected IllegalArgumentException" (exit 1)
 * is refused with exit 2 and one sentence naming what was wrong and what is valid; nothing is written.
 */
public class LenientInputTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final String ECR = "123456789012.dkr.ecr.us-east-1.amazonaws.com/oe/ecs-demo";
    private static final String[] FACTS = {"--git-sha", "5ad95f2", "--job", "ecs-demo"};

    private DemoLayout demo;
    private Map<String, String> before;

    @Before
    public void setUp() throws Exception {
        demo = new DemoLayout(tmp.newFolder("repo").toPath()).secondTable();
        before = demo.snapshot();
    }

    private void refused(String expected, String... args) {
        Cli.Run run = Cli.withStdin("secret\n", args);
        String ctx = String.join(" ", args) + "\n" + run;
        assertEquals(ctx, 2, run.exit());
        assertEquals(ctx, "", run.out());
        assertEquals(ctx, 1, run.err().lines().count());
        assertTrue(ctx, run.err().startsWith("error: "));
        assertTrue(ctx, run.err().contains(expected));
        assertFalse(ctx, run.err().contains("unexpected"));
        assertEquals(ctx, before, demo.snapshot());
    }

    @Test
    public void emptyEnvironmentNames_areRefused_andNothingIsWritten() {
        refused("empty name", "tag", demo.repo, "--source", demo.d12.toString(), "--build-tag", B12, "--env", "staging",
                "--environments", "testing,,staging");
        refused("empty name", "to", "staging", demo.repo, "--from", "testing", "--environments", "testing->->staging");
        refused("empty name", "state", demo.repo, "--environments", "testing,staging,");
    }

    @Test
    public void numbers_areAsciiDigitsOnly() {
        refused("'\u0661\u0662' is not a whole number in the digits 0-9", "build-tag", FACTS[0], FACTS[1], FACTS[2],
                FACTS[3], "--build", "\u0661\u0662");
        refused("is not a whole number", "build-tag", "--git-sha", "5ad95f2", "--job", "j", "--build", "\uff11");
        refused("is not a whole number", "state", demo.repo, "--timeout", "\u0661\u0660");
        refused("out of range", "build-tag", "--git-sha", "5ad95f2", "--job", "j", "--build", "99999999999999999999");
        refused("out of range", "state", demo.repo, "--timeout", "99999999999");
    }

    @Test
    public void buildTimes_outsideYears0000To9999_areRefused() {
        for (String time : new String[] {"-0001-08-24T17:13:38Z", "+10000-01-01T00:00:00Z", "+999999-08-24T17:13:38Z",
            "0000-01-01T00:30:00+01:00"}) {
            refused("between years 0000 and 9999", "build-tag", "--git-sha", "5ad95f2", "--job", "j", "--build", "1",
                    "--time", time);
        }
        refused("ISO-8601", "build-tag", "--git-sha", "5ad95f2", "--job", "j", "--build", "1", "--time",
                "999999-08-24T17:13:38Z");
    }

    @Test
    public void optionsThatDoNotApplyToTheBackend_areRefused() {
        refused("--endpoint-url with 127.0.0.1:5000/app but failed because it applies only to Amazon ECR", "state",
                "127.0.0.1:5000/app", "--endpoint-url", "file:///etc/passwd");
        refused("applies only to Amazon ECR", "state", demo.repo, "--endpoint-url", "https://example.com");
        refused("applies only to Amazon ECR", "state", "registry.example.com/app", "--region", "us-east-1");
        refused("applies only to Amazon ECR", "state", demo.repo, "--role-arn", "arn:aws:iam::1:role/x");
        refused("applies only to registries", "state", demo.repo, "--plain-http");
        refused("ECR takes the AWS credentials", "state", ECR, "--username", "ci", "--password-stdin");
        refused("not an http:// or https:// URL", "state", ECR, "--endpoint-url", "file:///etc/passwd");
        refused("give --role-arn too", "state", ECR, "--external-id", "x");
    }

    @Test
    public void userNames_withControlCharacters_areRefused() {
        refused("must not contain ':', line breaks or other control characters", "state", "127.0.0.1:5000/app",
                "--username", "ci\nX-Injected: 1", "--password-stdin");
        refused("control characters", "state", "127.0.0.1:5000/app", "--username", "ci\u0000", "--password-stdin");
        refused("must not contain ':'", "state", "127.0.0.1:5000/app", "--username", "ci:x", "--password-stdin");
    }

    @Test
    public void valuesOutOfRange_inARepository_exit2WithASentence() {
        refused("port 99999 is out of range", "state", "127.0.0.1:99999/app");
        refused("label of 300 characters", "state", "a".repeat(300) + ".example.com/app");
    }
}
