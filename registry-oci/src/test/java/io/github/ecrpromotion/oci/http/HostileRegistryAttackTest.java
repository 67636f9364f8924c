package io.github.ecrpromotion.oci.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.testkit.DockerRegistryServer;
import io.github.ecrpromotion.testkit.RegistryFront;
import io.github.ecrpromotion.testkit.RegistryFront.Misanswer;
import io.github.ecrpromotion.testkit.RegistryFront.Request;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * What an independent attack on the HTTP backend found: URLs and headers a registry (or its token server) controls
 * that reached the JDK client unchecked, and credentials that went to a host other than the registry. Against a real
 * docker-registry behind a {@link RegistryFront}; a second front stands for another host.
 */
public class HostileRegistryAttackTest {
    private static final String NAME = "field/hostile";
    private static final String USER = "ci";
    private static final String PASSWORD = "hostile-pa55word";
    private static final SyntheticImage IMAGE = SyntheticImage.dockerV2("hostile");

    private static DockerRegistryServer server;
    private RegistryFront front;
    private RegistryFront other;
    private OciRegistry registry;

    @BeforeClass
    public static void startRegistry() throws Exception {
        server = DockerRegistryServer.start();
        server.seedClient().push(NAME, IMAGE, "build-1");
    }

    @AfterClass
    public static void stopRegistry() {
        if (server != null) {
            server.close();
        }
    }

    @Before
    public void startFronts() {
        front = RegistryFront.start(server.uri());
        other = RegistryFront.start(server.uri());
        registry = new OciRegistry(Repository.of(front.repository(NAME)), RegistryOptions.builder()
                .basicAuth(USER, PASSWORD).dockerConfig("/nonexistent/config.json").build());
    }

    @After
    public void closeFronts() {
        registry.close();
        front.close();
        other.close();
    }

    private static final Misanswer BASIC_CHALLENGE =
            Misanswer.status(401, Map.of("WWW-Authenticate", "Basic realm=\"field\""));

    private static Predicate<Request> tagList() {
        return r -> r.method().equals("GET") && r.path().endsWith("/tags/list");
    }

    private static Predicate<Request> manifest(String ref) {
        return r -> r.path().endsWith("/manifests/" + ref);
    }

    private static Misanswer tagPage(String link) {
        return Misanswer.status(200, Map.of("Content-Type", "application/json", "Link", link),
                ("{\"name\":\"" + NAME + "\",\"tags\":[\"build-1\"]}").getBytes(StandardCharsets.UTF_8));
    }

    private static void assertNoAuthorization(RegistryFront f) {
        for (Request r : f.requests()) {
            assertNull("credentials went to another host: " + r, r.header("Authorization"));
        }
    }

    // --- credentials go to the registry only

    @Test
    public void listTags_whenALinkHeaderPointsAtAnotherHost_sendsItNoCredentials() throws Exception {
        front.next(tagList(), BASIC_CHALLENGE,
                tagPage("<" + other.uri() + "/v2/" + NAME + "/tags/list?last=build-1>; rel=\"next\""));
        registry.listTags();
        assertTrue("the next page was read from the other host", !other.requests().isEmpty());
        assertNoAuthorization(other);
    }

    @Test
    public void resolve_whenRedirectedToAHostThatChallengesForAToken_neverSendsItTheCredentials() {
        String path = "/v2/" + NAME + "/manifests/build-1";
        front.next(manifest("build-1"), Misanswer.redirect(307, other.uri() + path));
        other.next(manifest("build-1"), Misanswer.status(401, Map.of("WWW-Authenticate",
                "Bearer realm=\"" + other.uri() + "/token\",service=\"evil\"")));
        other.answerInstead(r -> r.path().equals("/token"), 200, "application/json",
                "{\"token\":\"harvested\"}".getBytes(StandardCharsets.UTF_8));
        try {
            registry.resolve(ImageRef.of(Tag.of("build-1")));
        } catch (RegistryException expected) {
            // refusing is fine; handing over the credentials is not
        }
        assertNoAuthorization(other);
    }

    // --- URLs and values a registry controls are checked, not thrown at the JDK client

    private void assertProtocolError(ThrowingRunnable call) {
        RegistryException e = assertThrows(RegistryException.class, call::run);
        assertEquals(e.getMessage(), RegistryException.Reason.PROTOCOL, e.reason());
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    public void listTags_whenALinkHeaderPointsAtAFileUrl_isAProtocolError() {
        front.next(tagList(), tagPage("<file:///etc/passwd>; rel=\"next\""));
        assertProtocolError(registry::listTags);
    }

    @Test
    public void listTags_whenALinkHeaderHasNoHost_isAProtocolError() {
        front.next(tagList(), tagPage("<http:///v2/x/tags/list>; rel=\"next\""));
        assertProtocolError(registry::listTags);
    }

    @Test
    public void resolve_whenRedirectedToAUrlWithoutHost_isAProtocolError() {
        front.next(manifest("build-1"), Misanswer.redirect(302, "http:///nohost"));
        assertProtocolError(() -> registry.resolve(ImageRef.of(Tag.of("build-1"))));
    }

    @Test
    public void resolve_whenTheTokenRealmIsAFileUrl_isAProtocolOrAuthError_notAnIllegalArgumentException() {
        RegistryOptions anonymous = RegistryOptions.builder().dockerConfig("/nonexistent/config.json").build();
        try (OciRegistry r = new OciRegistry(Repository.of(front.repository(NAME)), anonymous)) {
            front.next(manifest("build-1"), Misanswer.status(401, Map.of("WWW-Authenticate",
                    "Bearer realm=\"file:///etc/passwd\",service=\"x\"")));
            RegistryException e = assertThrows(RegistryException.class, () -> r.resolve(ImageRef.of(Tag.of("build-1"))));
            assertTrue(e.getMessage(), e.reason() == RegistryException.Reason.PROTOCOL
                    || e.reason() == RegistryException.Reason.AUTH);
        }
    }

    @Test
    public void resolve_whenTheTokenServerAnswersATokenWithALineBreak_isAnErrorThatDoesNotShowTheToken() {
        String token = "leaked-token-value\ninjected: yes";
        other.answerInstead(r -> r.path().equals("/token"), 200, "application/json",
                ("{\"token\":\"" + token.replace("\n", "\\n") + "\"}").getBytes(StandardCharsets.UTF_8));
        front.next(manifest("build-1"), Misanswer.status(401, Map.of("WWW-Authenticate",
                "Bearer realm=\"" + other.uri() + "/token\",service=\"field\"")));
        RegistryException e = assertThrows(RegistryException.class,
                () -> registry.resolve(ImageRef.of(Tag.of("build-1"))));
        assertFalse(e.getMessage(), e.getMessage().contains("leaked-token-value"));
    }

    // --- bodies a proxy compressed

    @Test
    public void getManifest_whenTheBodyComesGzipped_readsTheManifestItEncodes() throws Exception {
        // Go clients (crane, docker) ask for gzip and decode it; a proxy in front of a registry may compress anyway.
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(zipped)) {
            z.write(IMAGE.manifest().bytes());
        }
        front.next(r -> r.method().equals("GET") && r.path().endsWith("/manifests/build-1"),
                Misanswer.status(200, Map.of("Content-Type", IMAGE.manifest().mediaType(), "Content-Encoding", "gzip",
                        "Docker-Content-Digest", IMAGE.manifest().digest().toString()), zipped.toByteArray()));
        org.junit.Assert.assertArrayEquals(IMAGE.manifest().bytes(),
                registry.getManifest(ImageRef.of(Tag.of("build-1"))).orElseThrow().bytes());
    }

    // --- challenges

    @Test
    public void resolve_whenOneHeaderCarriesABearerAndABasicChallenge_usesTheBearerChallengesOwnRealm() throws Exception {
        // RFC 9110 11.6.1: one WWW-Authenticate may list several challenges; the Basic one's realm is not a URL.
        other.answerInstead(r -> r.path().equals("/token"), 200, "application/json",
                "{\"token\":\"combined-challenge-token\"}".getBytes(StandardCharsets.UTF_8));
        front.next(manifest("build-1"), Misanswer.status(401, Map.of("WWW-Authenticate",
                "Bearer realm=\"" + other.uri() + "/token\",service=\"field\", Basic realm=\"field\"")));
        assertEquals(IMAGE.manifest().digest(), registry.resolve(ImageRef.of(Tag.of("build-1"))).orElseThrow());
        assertEquals("Bearer combined-challenge-token", front.requests().get(1).header("Authorization"));
    }
}
