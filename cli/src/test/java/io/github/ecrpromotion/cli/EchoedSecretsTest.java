package io.github.ecrpromotion.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.testkit.RegistryFront;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.After;
import org.junit.Test;

/**
 * A registry (or a proxy) that echoes the request's headers in its error body: what the CLI prints must hold no form
 * of the secrets this run sent (the password, the Basic header's base64), with or without --debug.
 */
public class EchoedSecretsTest {
    private static final String USER = "ci";
    private static final String PASSWORD = "s3cret-Pa55w0rd";
    private final RegistryFront front = RegistryFront.start(URI.create("http://127.0.0.1:1"));

    @After
    public void close() {
        front.close();
    }

    @Test
    public void errorBodyEchoingTheCredentials_neverReachesTheTerminal() {
        String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String body = "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"denied; you sent Authorization: Basic " + basic
                + " (user " + USER + ", password " + PASSWORD + ")\"}]}";
        front.answerInstead(r -> true, 403, "application/json", body.getBytes(StandardCharsets.UTF_8));
        for (boolean debug : new boolean[] {false, true}) {
            Cli.Run run = debug
                    ? Cli.withStdin(PASSWORD + "\n", "state", front.repository("demo/app"), "--username", USER,
                            "--password-stdin", "--debug")
                    : Cli.withStdin(PASSWORD + "\n", "state", front.repository("demo/app"), "--username", USER,
                            "--password-stdin");
            assertEquals(run.toString(), 1, run.exit());
            String all = run.out() + run.err();
            assertFalse(all, all.contains(PASSWORD));
            assertFalse(all, all.contains(basic));
            assertTrue(all, all.contains("DENIED"));
        }
    }
}
