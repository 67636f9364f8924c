package io.github.ecrpromotion.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.testkit.DockerRegistryServer;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * {@code --tls}, {@code --ca-cert} and {@code --tls-verify=false} against a real docker-registry serving HTTPS with a
 * self-signed certificate, and the fix a certificate error names.
 */
public class TlsOptionsTest {
    private static final SyntheticImage IMAGE = SyntheticImage.dockerV2("cli tls");
    private static DockerRegistryServer server;
    private static DockerRegistryServer otherName;

    @BeforeClass
    public static void startRegistries() throws Exception {
        server = DockerRegistryServer.startWithTls();
        server.seedClient().push("tls/app", IMAGE, "build-1");
        otherName = DockerRegistryServer.startWithTls("DNS:registry.example");
        otherName.seedClient().push("tls/app", IMAGE, "build-1");
    }

    @AfterClass
    public static void stopRegistries() {
        if (server != null) {
            server.close();
        }
        if (otherName != null) {
            otherName.close();
        }
    }

    private static String image(DockerRegistryServer s) {
        return s.repository("tls/app") + ":build-1";
    }

    @Test
    public void digest_withTlsAndTheTestCa_printsTheDigestOverHttps() {
        Cli.Run run = Cli.run("digest", image(server), "--tls", "--ca-cert",
                server.caCertificate().orElseThrow().toString());
        assertEquals(run.toString(), 0, run.exit());
        assertEquals(IMAGE.manifest().digest() + "\n", run.out());
    }

    @Test
    public void digest_withoutTheCa_namesCaCertAndTlsVerifyFalse_neverPlainHttp() {
        Cli.Run run = Cli.run("digest", image(server), "--tls");
        assertEquals(run.toString(), 1, run.exit());
        assertTrue(run.err(), run.err().contains("--ca-cert FILE"));
        assertTrue(run.err(), run.err().contains("--tls-verify=false"));
        assertFalse(run.err(), run.err().contains("--plain-http"));
        assertEquals(run.err(), 1, run.err().strip().lines().count());
    }

    @Test
    public void digest_loopbackWithoutTls_speaksHttp_andTheErrorSaysToGiveTls() {
        Cli.Run run = Cli.run("digest", image(server));
        assertEquals(run.toString(), 1, run.exit());
        assertTrue(run.err(), run.err().contains("serves HTTPS and was spoken to over plain HTTP"));
        assertTrue(run.err(), run.err().contains("give --tls"));
    }

    @Test
    public void digest_withTlsVerifyFalse_works() {
        Cli.Run run = Cli.run("digest", image(server), "--tls", "--tls-verify=false");
        assertEquals(run.toString(), 0, run.exit());
        assertEquals(IMAGE.manifest().digest() + "\n", run.out());
    }

    @Test
    public void digest_withCranesInsecure_works() {
        Cli.Run run = Cli.run("digest", image(server), "--tls", "--insecure");
        assertEquals(run.toString(), 0, run.exit());
    }

    @Test
    public void digest_certificateForAnotherName_namesOnlyTlsVerifyFalse() {
        Cli.Run run = Cli.run("digest", image(otherName), "--tls", "--ca-cert",
                otherName.caCertificate().orElseThrow().toString());
        assertEquals(run.toString(), 1, run.exit());
        assertTrue(run.err(), run.err().contains("--tls-verify=false"));
        assertFalse(run.err(), run.err().contains("--ca-cert"));
    }

    @Test
    public void digest_tlsWithPlainHttp_isRefusedWithExit2() {
        Cli.Run run = Cli.run("digest", image(server), "--tls", "--plain-http");
        assertEquals(run.toString(), 2, run.exit());
        assertTrue(run.err(), run.err().contains("give one of them"));
    }

    @Test
    public void digest_caCertThatDoesNotExist_isRefusedWithExit2() {
        Cli.Run run = Cli.run("digest", image(server), "--tls", "--ca-cert", "/nonexistent/ca.pem");
        assertEquals(run.toString(), 2, run.exit());
        assertTrue(run.err(), run.err().contains("/nonexistent/ca.pem"));
    }

    @Test
    public void tlsOptions_onAnOciLayout_areRefused() {
        Cli.Run run = Cli.run("digest", "oci:/tmp/nowhere:build-1", "--tls-verify=false");
        assertEquals(run.toString(), 2, run.exit());
        assertTrue(run.err(), run.err().contains("--tls-verify=false"));
    }

    @Test
    public void dockerConfigEnv_becomesItsConfigJson() {
        assertEquals(java.nio.file.Path.of("/home/u/.dk", "config.json").toString(),
                RegistryOptionsMixin.dockerConfigPath("/home/u/.dk"));
        assertEquals(null, RegistryOptionsMixin.dockerConfigPath(null));
        assertEquals(null, RegistryOptionsMixin.dockerConfigPath(""));
    }
}
