package io.github.ecrpromotion.oci.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Registries;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.testkit.DockerRegistryServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * TLS against a real docker-registry serving HTTPS with a self-signed certificate (made by openssl, its own CA): the
 * CA file, no verification, the errors, and HTTPS on a loopback host only when asked for.
 */
public class TlsDockerRegistryTest {
    private static final SyntheticImage IMAGE = SyntheticImage.dockerV2("tls");
    private static DockerRegistryServer server;
    private static DockerRegistryServer otherName;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

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

    private static RegistryOptions.Builder options() {
        return RegistryOptions.builder().timeout(Duration.ofSeconds(10)).dockerConfig("/nonexistent/config.json");
    }

    private static Registry open(DockerRegistryServer s, RegistryOptions.Builder options) throws Exception {
        return Registries.open(Repository.parse(s.repository("tls/app")), options.build());
    }

    private static ImageRef build1() {
        return ImageRef.of(Tag.of("build-1"));
    }

    @Test
    public void loopbackWithTls_andTheTestCa_readsAndRetagsOverHttps() throws Exception {
        try (Registry r = open(server, options().tls(true).caCertificate(server.caCertificate().orElseThrow()))) {
            assertEquals(IMAGE.manifest().digest(), r.resolve(build1()).orElseThrow());
            assertTrue(r.putManifest(Tag.of("testing"), r.getManifest(build1()).orElseThrow()).changed());
            assertEquals(IMAGE.manifest().digest(), r.resolve(ImageRef.of(Tag.of("testing"))).orElseThrow());
        }
    }

    @Test
    public void caCert_fileWithSeveralCertificates_trustsEachOfThem() throws Exception {
        Path bundle = tmp.newFile("bundle.pem").toPath();
        Files.writeString(bundle, Files.readString(otherName.caCertificate().orElseThrow())
                + Files.readString(server.caCertificate().orElseThrow()));
        try (Registry r = open(server, options().tls(true).caCertificate(bundle))) {
            assertEquals(IMAGE.manifest().digest(), r.resolve(build1()).orElseThrow());
        }
    }

    @Test
    public void withoutTheCa_isATlsErrorSayingTheCertificateIsNotTrusted_andNeverSuggestsPlainHttp() throws Exception {
        try (Registry r = open(server, options().tls(true))) {
            RegistryException e = assertThrows(RegistryException.class, () -> r.resolve(build1()));
            assertFalse(e.isRetryable());
            assertTrue(e.getMessage(), e.getMessage().contains("TLS certificate is not trusted"));
            assertEquals(java.util.Optional.of(RegistryException.Remedy.TRUST_CA), e.remedy());
            assertFalse(e.getMessage(), e.getMessage().toLowerCase().contains("plain http"));
        }
    }

    @Test
    public void tlsVerifyFalse_acceptsTheSelfSignedCertificate() throws Exception {
        try (Registry r = open(server, options().tls(true).tlsVerify(false))) {
            assertEquals(IMAGE.manifest().digest(), r.resolve(build1()).orElseThrow());
        }
    }

    /**
     * Trust is the connection's, not the JVM's: after a registry object with {@code --tls-verify=false} talked to a
     * host (its keep-alive connection pooled by the JDK), another one in the same JVM with default trust, or with a
     * CA file but the host name check, still refuses that host's certificate.
     */
    @Test
    public void tlsVerifyFalse_thenDefaultTrustInTheSameJvm_stillRefusesTheSelfSignedCertificate() throws Exception {
        try (Registry r = open(server, options().tls(true).tlsVerify(false))) {
            assertEquals(IMAGE.manifest().digest(), r.resolve(build1()).orElseThrow());
        }
        try (Registry r = open(otherName, options().tls(true).tlsVerify(false))) {
            assertEquals(IMAGE.manifest().digest(), r.resolve(build1()).orElseThrow());
        }
        try (Registry r = open(server, options().tls(true))) {
            RegistryException e = assertThrows(RegistryException.class, () -> r.resolve(build1()));
            assertTrue(e.getMessage(), e.getMessage().contains("TLS certificate is not trusted"));
        }
        try (Registry r = open(otherName, options().tls(true).caCertificate(otherName.caCertificate().orElseThrow()))) {
            RegistryException e = assertThrows(RegistryException.class, () -> r.resolve(build1()));
            assertTrue(e.getMessage(), e.getMessage().contains("TLS certificate is for another host name"));
        }
    }

    @Test
    public void certificateForAnotherName_evenWithItsCa_isAnErrorSayingSo() throws Exception {
        try (Registry r = open(otherName, options().tls(true).caCertificate(otherName.caCertificate().orElseThrow()))) {
            RegistryException e = assertThrows(RegistryException.class, () -> r.resolve(build1()));
            assertTrue(e.getMessage(), e.getMessage().contains("TLS certificate is for another host name"));
            assertEquals(java.util.Optional.of(RegistryException.Remedy.CERTIFICATE_HOST), e.remedy());
        }
    }

    @Test
    public void tlsVerifyFalse_alsoSkipsTheHostNameCheck() throws Exception {
        try (Registry r = open(otherName, options().tls(true).tlsVerify(false))) {
            assertEquals(IMAGE.manifest().digest(), r.resolve(build1()).orElseThrow());
        }
    }

    @Test
    public void loopbackWithoutTls_staysPlainHttp_whichTheHttpsRegistryRefuses() throws Exception {
        try (Registry r = open(server, options().caCertificate(server.caCertificate().orElseThrow()))) {
            RegistryException e = assertThrows(RegistryException.class, () -> r.resolve(build1()));
            assertFalse(e.getMessage(), e.getMessage().contains("TLS"));
            assertEquals(java.util.Optional.of(RegistryException.Remedy.USE_TLS), e.remedy());
        }
    }

    @Test
    public void caCert_isAddedToTheJdksTrustedCas_notInsteadOfThem() throws Exception {
        java.security.KeyStore store = Tls.trustStore(server.caCertificate().orElseThrow());
        assertTrue(store.containsAlias("ca-cert-0"));
        assertTrue("the JDK's CAs are kept: " + store.size(), store.size() > 1 && store.containsAlias("jdk-0"));
    }

    @Test
    public void caCert_thatIsNotPem_isOneSentenceNamingTheFile() throws Exception {
        Path junk = tmp.newFile("junk.pem").toPath();
        Files.writeString(junk, "not a certificate\n");
        try (Registry r = open(server, options().tls(true).caCertificate(junk))) {
            RegistryException e = assertThrows(RegistryException.class, () -> r.resolve(build1()));
            assertTrue(e.getMessage(), e.getMessage().contains(junk.toString()));
            assertFalse(e.getMessage(), e.getMessage().contains("\n"));
        }
    }
}
