package io.github.ecrpromotion.cli;

import static io.github.ecrpromotion.cli.DemoLayout.B11;
import static io.github.ecrpromotion.cli.DemoLayout.B12;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.testkit.DockerRegistryServer;
import io.github.ecrpromotion.testkit.SeedClient;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.Test;

/**
 * Faults that need a network: an unreachable registry and wrong credentials (exit 1, never a secret in the output),
 * and the whole tag/to/state path against a real Debian docker-registry with basic auth.
 */
public class RegistryFaultsTest {
    private static final String USER = "ci";
    private static final String PASSWORD = "Right-pa55word-7f3a";
    private static final String WRONG = "Wrong-s3cret-c0ffee";

    private static void oneSentenceNoTrace(Cli.Run run) {
        assertEquals(run.toString(), "", run.out());
        assertTrue(run.toString(), run.err().startsWith("error: "));
        assertEquals(run.toString(), 1, run.err().lines().count());
        assertFalse(run.toString(), run.err().contains("\tat "));
    }

    @Test
    public void unreachableRegistry_exits1AndPointsAtAddressAndTimeout() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String repo = "127.0.0.1:" + closed + "/x";
        for (String[] args : new String[][] {
            {"state", repo, "--timeout", "5"},
            {"to", "staging", repo, "--from", "testing", "--timeout", "5"},
            {"tag", repo, "--source", B12, "--build-tag", B12, "--env", "testing", "--timeout", "5"}}) {
            Cli.Run run = Cli.run(args);
            assertEquals(run.toString(), 1, run.exit());
            oneSentenceNoTrace(run);
            assertTrue(run.err(), run.err().contains("127.0.0.1:" + closed));
            assertTrue(run.err(), run.err().contains("check the registry address and --timeout"));
        }
    }

    /** A server that accepts connections and never answers: only --timeout ends the wait. */
    @Test(timeout = 120_000)
    public void silentRegistry_exits1WhenTheTimeoutRunsOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Cli.Run run = Cli.run("state", "127.0.0.1:" + silent.getLocalPort() + "/x", "--timeout", "1");
            assertEquals(run.toString(), 1, run.exit());
            oneSentenceNoTrace(run);
            assertTrue(run.err(), run.err().contains("check the registry address and --timeout"));
        }
    }

    @Test
    public void wrongPassword_exits1WithAnAuthErrorThatNeverEchoesTheSecret() throws Exception {
        try (DockerRegistryServer server = DockerRegistryServer.startWithHtpasswd(USER, PASSWORD)) {
            seed(server);
            String repo = server.repository("oe/ecs-demo");
            Cli.Run run = Cli.withStdin(WRONG + "\n", "to", "staging", repo, "--from", "testing",
                    "--username", USER, "--password-stdin");
            assertEquals(run.toString(), 1, run.exit());
            oneSentenceNoTrace(run);
            assertTrue(run.err(), run.err().contains("check --username/--password-stdin or the registry's entry in the Docker config"));
            assertFalse(run.toString(), run.toString().contains(WRONG));

            // Even the --debug trace must not carry the password (nor its Basic encoding).
            Cli.Run debug = Cli.withStdin(WRONG, "state", repo, "--username", USER, "--password-stdin", "--debug");
            assertEquals(debug.toString(), 1, debug.exit());
            assertTrue(debug.err(), debug.err().contains("\tat "));
            String basic = java.util.Base64.getEncoder().encodeToString((USER + ":" + WRONG).getBytes());
            assertFalse(debug.toString(), debug.toString().contains(WRONG) || debug.toString().contains(basic));

            // Without credentials the registry says 401 too: the same exit code and advice.
            Cli.Run anonymous = Cli.run("state", repo);
            assertEquals(anonymous.toString(), 1, anonymous.exit());
            assertTrue(anonymous.err(), anonymous.err().contains("check --username/--password-stdin"));

            // Nothing moved.
            Cli.Run state = Cli.withStdin(PASSWORD, "state", repo, "--username", USER, "--password-stdin");
            assertEquals(state.toString(), 0, state.exit());
            assertEquals("{\n  \"testing\": \"" + B12 + "\",\n  \"staging\": \"" + B11 + "\"\n}\n", state.out());
        }
    }

    @Test
    public void rightPassword_promotesOnARealRegistry() throws Exception {
        try (DockerRegistryServer server = DockerRegistryServer.startWithHtpasswd(USER, PASSWORD)) {
            seed(server);
            String repo = server.repository("oe/ecs-demo");
            Cli.Run to = Cli.withStdin(PASSWORD + "\n", "to", "staging", repo, "--from", "testing",
                    "--username", USER, "--password-stdin");
            assertEquals(to.toString(), 0, to.exit());
            assertTrue(to.out(), to.out().startsWith("staging: " + B11));
            assertFalse(to.toString(), to.toString().contains(PASSWORD));
            Cli.Run detail = Cli.withStdin(PASSWORD, "state", repo, "--username", USER, "--password-stdin", "--detail");
            assertEquals(detail.toString(), 0, detail.exit());
            String d12 = DemoLayout.image(12).manifest().digest().toString();
            assertEquals("{\n"
                    + "  \"testing\": {\"buildTag\": \"" + B12 + "\", \"digest\": \"" + d12 + "\"},\n"
                    + "  \"staging\": {\"buildTag\": \"" + B12 + "\", \"digest\": \"" + d12 + "\"}\n"
                    + "}\n", detail.out());
        }
    }

    /** Builds 11 and 12 with their build tags; 12 in testing, 11 in staging (pushed by the test's own client). */
    private static void seed(DockerRegistryServer server) throws IOException {
        SeedClient seed = server.seedClient();
        seed.push("oe/ecs-demo", DemoLayout.image(11), B11);
        seed.push("oe/ecs-demo", DemoLayout.image(11), "staging");
        seed.push("oe/ecs-demo", DemoLayout.image(12), B12);
        seed.push("oe/ecs-demo", DemoLayout.image(12), "testing");
    }
}
