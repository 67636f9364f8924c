package io.github.ecrpromotion.oci.http;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.Registries;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.testkit.DockerRegistryServer;
import java.time.Duration;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Issue 8, section 2: how a host is reached. A host in capitals is the same host (LOCALHOST is the loopback, so plain
 * HTTP), an IPv6 loopback literal reaches a real docker-registry listening on [::1], and a name that does not resolve
 * says so once, without retries. No test leaves the machine: {@code .invalid} never resolves (RFC 6761).
 */
public class RegistryHostsTest {
    private static final SyntheticImage IMAGE = SyntheticImage.dockerV2("hosts");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private RegistryOptions options() {
        return RegistryOptions.builder().dockerConfig(tmp.getRoot().toPath().resolve("absent.json").toString())
                .timeout(Duration.ofSeconds(20)).build();
    }

    private void readsAndRetags(String repository) throws Exception {
        try (Registry r = Registries.open(Repository.parse(repository), options())) {
            assertTrue(r instanceof OciRegistry);
            RawManifest m = r.getManifest(ImageRef.of(Tag.of("build-1"))).orElseThrow();
            assertArrayEquals(IMAGE.manifest().bytes(), m.bytes());
            assertTrue(r.putManifest(Tag.of("testing"), m).changed());
            assertEquals(IMAGE.manifest().digest(), r.resolve(ImageRef.of(Tag.of("testing"))).orElseThrow());
        }
    }

    @Test
    public void localhostInCapitals_isTheLoopback_andTalksPlainHttpToARealRegistry() throws Exception {
        try (DockerRegistryServer server = DockerRegistryServer.start()) {
            server.seedClient().push("demo/app", IMAGE, "build-1");
            // 127.0.0.1 is where the server listens; LOCALHOST must resolve there and must not try TLS.
            readsAndRetags("LOCALHOST:" + server.port() + "/demo/app");
        }
    }

    @Test
    public void ipv6LoopbackLiteral_reachesARealRegistryOnIpv6OverPlainHttp() throws Exception {
        try (DockerRegistryServer server = DockerRegistryServer.startOnIpv6Loopback()) {
            assertEquals("[::1]:" + server.port(), server.hostPort());
            server.seedClient().push("demo/app", IMAGE, "build-1");
            readsAndRetags("[::1]:" + server.port() + "/demo/app");
        }
    }

    @Test
    public void unknownHost_isReportedAsCannotResolve_onceAndNotRetried() throws Exception {
        try (Registry r = Registries.open(Repository.parse("registry.example.invalid/demo/app"), options())) {
            RegistryException e = assertThrows(RegistryException.class, r::listTags);
            assertTrue(e.getMessage(), e.getMessage().contains("cannot resolve host registry.example.invalid"));
            assertFalse(e.getMessage(), e.getMessage().contains("refused"));
            assertFalse(e.getMessage(), e.getMessage().contains("attempts"));
            assertFalse(e.isRetryable());
            assertEquals(RegistryException.Reason.UNAVAILABLE, e.reason());
        }
    }
}
