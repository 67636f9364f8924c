package io.github.ecrpromotion.oci.http;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.testkit.DockerRegistryServer;
import io.github.ecrpromotion.testkit.RegistryFront;
import io.github.ecrpromotion.testkit.RegistryFront.Hold;
import io.github.ecrpromotion.testkit.SeedClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The OCI backend never trusts an absence it did not confirm, against a real docker-registry behind a
 * {@link RegistryFront} that misbehaves as registries in the field do. Costs are counted at the front.
 */
public class MisbehavingRegistryTest {
    private static final String NAME = "field/app";
    private static final SyntheticImage BUILD_1 = SyntheticImage.dockerV2("build 1");
    private static final SyntheticImage BUILD_2 = SyntheticImage.dockerV2("build 2");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static DockerRegistryServer server;
    private static SeedClient seeder;
    private RegistryFront front;
    private OciRegistry registry;

    @BeforeClass
    public static void startRegistry() throws Exception {
        server = DockerRegistryServer.start();
        seeder = server.seedClient();
        seeder.push(NAME, BUILD_1, "build-1");
        seeder.push(NAME, BUILD_2, "build-2");
    }

    @AfterClass
    public static void stopRegistry() {
        if (server != null) {
            server.close();
        }
    }

    @Before
    public void startFront() {
        front = RegistryFront.start(server.uri());
        registry = open(NAME);
    }

    @After
    public void closeFront() {
        registry.close();
        front.close();
    }

    private OciRegistry open(String name) {
        return new OciRegistry(Repository.of(front.repository(name)),
                RegistryOptions.builder().timeout(WAIT).dockerConfig("/nonexistent/config.json").build());
    }

    private static ImageRef tag(String t) {
        return ImageRef.of(Tag.of(t));
    }

    /** What the front saw since the last call, as "HEAD build-1", and forgets it. */
    private List<String> seen() {
        List<String> out = front.requests().stream()
                .map(r -> r.method() + " " + r.path().substring(r.path().lastIndexOf('/') + 1)).toList();
        front.reset();
        return out;
    }

    private void resolve_whenHeadAnswers(int status) throws Exception {
        front.headManifestsAnswer(status);
        assertEquals(BUILD_1.manifest().digest(), registry.resolve(tag("build-1")).orElseThrow());
        assertEquals(List.of("HEAD build-1", "GET build-1"), seen());
        // Learned: this registry's HEAD is not to be believed, so the next resolve is one GET.
        front.headManifestsAnswer(status);
        assertEquals(BUILD_2.manifest().digest(), registry.resolve(tag("build-2")).orElseThrow());
        assertTrue(registry.resolve(tag("absent")).isEmpty());
        assertEquals(List.of("GET build-2", "GET absent"), seen());
    }

    @Test
    public void resolve_whenHeadAnswers404_returnsTheDigestAGetConfirms_thenResolvesWithOneGet() throws Exception {
        resolve_whenHeadAnswers(404);
    }

    @Test
    public void resolve_whenHeadAnswers405_returnsTheDigestAGetConfirms_thenResolvesWithOneGet() throws Exception {
        resolve_whenHeadAnswers(405);
    }

    @Test
    public void resolve_whenHeadAnswers404AndTagMissing_isEmptyOnlyAfterAConfirmingGet() throws Exception {
        front.headManifestsAnswer(404);
        assertTrue(registry.resolve(tag("absent")).isEmpty());
        assertTrue(registry.getManifest(tag("absent")).isEmpty());
        assertEquals(List.of("HEAD absent", "GET absent", "GET absent"), seen());
    }

    @Test
    public void resolve_onAnHonestRegistry_costsOneHead_andAMissingTagOneHeadAndOneGet() throws Exception {
        assertEquals(BUILD_1.manifest().digest(), registry.resolve(tag("build-1")).orElseThrow());
        assertEquals(List.of("HEAD build-1"), seen());
        assertTrue(registry.resolve(tag("absent")).isEmpty());
        assertEquals(List.of("HEAD absent", "GET absent"), seen());
        // A 404 the GET agrees with is no reason to stop using HEAD.
        registry.resolve(tag("build-2"));
        assertEquals(List.of("HEAD build-2"), seen());
    }

    @Test
    public void resolve_whenHeadFailsWith500_isConfirmedByAGet_butHeadIsStillUsedAfterwards() throws Exception {
        front.headManifestsAnswer(500);
        assertEquals(BUILD_1.manifest().digest(), registry.resolve(tag("build-1")).orElseThrow());
        assertEquals(List.of("HEAD build-1", "GET build-1"), seen());
        registry.resolve(tag("build-2"));
        assertEquals(List.of("HEAD build-2"), seen());
    }

    @Test
    public void getManifest_withoutDigestHeader_isCheckedWithOneHeadOfTheTag() throws Exception {
        front.stripDigestHeader(true);
        RawManifest m = registry.getManifest(tag("build-1")).orElseThrow();
        assertArrayEquals(BUILD_1.manifest().bytes(), m.bytes());
        assertEquals(BUILD_1.manifest().mediaType(), m.mediaType());
        assertEquals(List.of("GET build-1", "HEAD build-1"), seen());
        // With the header, the GET checks itself: no HEAD.
        registry.getManifest(tag("build-1"));
        assertEquals(List.of("GET build-1"), seen());
        // By digest, the digest asked for is the check: no HEAD either.
        front.stripDigestHeader(true);
        registry.getManifest(ImageRef.of(BUILD_1.manifest().digest()));
        assertEquals(List.of("GET " + BUILD_1.manifest().digest()), seen());
    }

    @Test
    public void getManifest_withoutDigestHeader_whenTheTagMovesBeforeTheCheckingHead_isProtocolErrorNamingBoth()
            throws Exception {
        seeder.push(NAME, BUILD_1, "moving");
        front.stripDigestHeader(true);
        Hold checkingHead = front.hold(r -> r.method().equals("HEAD") && r.path().endsWith("/manifests/moving"));
        CompletableFuture<RawManifest> read = CompletableFuture.supplyAsync(() -> {
            try {
                return registry.getManifest(tag("moving")).orElseThrow();
            } catch (RegistryException e) {
                throw new IllegalStateException(e);
            }
        });
        checkingHead.awaitArrived(WAIT);
        // The GET returned build 1 without a digest header; the tag moves, then the HEAD says build 2 (with header).
        seeder.push(NAME, BUILD_2, "moving");
        front.stripDigestHeader(false);
        checkingHead.release();
        ExecutionException e = assertThrows(ExecutionException.class, () -> read.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        RegistryException cause = (RegistryException) e.getCause().getCause();
        assertEquals(RegistryException.Reason.PROTOCOL, cause.reason());
        assertTrue(cause.getMessage(), cause.getMessage().contains(BUILD_1.manifest().digest().toString()));
        assertTrue(cause.getMessage(), cause.getMessage().contains(BUILD_2.manifest().digest().toString()));
        assertTrue(cause.getMessage(), cause.getMessage().startsWith("Tried to read the manifest moving from "));
    }

    @Test
    public void listTags_whenRepositoryMissing_isNotFoundSayingTheRepositoryWasNotFound() {
        try (OciRegistry missing = open("field/never-pushed")) {
            RegistryException e = assertThrows(RegistryException.class, missing::listTags);
            assertEquals(RegistryException.Reason.NOT_FOUND, e.reason());
            String repo = front.repository("field/never-pushed");
            assertEquals("Tried to list the tags of " + repo + " but failed because the repository was not found: "
                    + "the registry does not know " + repo + " (HTTP 404, NAME_UNKNOWN: repository name not known to "
                    + "registry)", e.getMessage());
        }
    }

    @Test
    public void resolve_whenRepositoryMissing_isEmpty_butListTagsTellsTheRepositoryIsMissing() throws Exception {
        try (OciRegistry missing = open("field/never-pushed")) {
            assertTrue(missing.resolve(tag("build-1")).isEmpty());
            assertEquals(RegistryException.Reason.NOT_FOUND,
                    assertThrows(RegistryException.class, missing::listTags).reason());
        }
    }
}
