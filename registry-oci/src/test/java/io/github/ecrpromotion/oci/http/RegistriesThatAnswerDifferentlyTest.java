package io.github.ecrpromotion.oci.http;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.MediaTypes;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryException.Reason;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.testkit.DockerRegistryServer;
import io.github.ecrpromotion.testkit.RegistryFront;
import io.github.ecrpromotion.testkit.RegistryFront.Misanswer;
import io.github.ecrpromotion.testkit.RegistryFront.Request;
import io.github.ecrpromotion.testkit.SeedClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Section 1 of issue 8 (redirects, media types, schema 1) and the secrets of section 6, against a real docker-registry
 * behind a {@link RegistryFront}: a second front stands for the other host a registry redirects to.
 */
public class RegistriesThatAnswerDifferentlyTest {
    private static final String NAME = "field/answers";
    private static final String USER = "ci";
    private static final String PASSWORD = "pa55-w0rd-echoed";
    private static final SyntheticImage DOCKER = SyntheticImage.dockerV2("answers docker");
    private static final SyntheticImage OCI = SyntheticImage.ociManifest("answers oci");
    private static final SyntheticImage INDEX = SyntheticImage.ociIndex("answers index");

    private static DockerRegistryServer server;
    private static SeedClient seeder;
    private RegistryFront front;
    private RegistryFront other;
    private OciRegistry registry;

    @BeforeClass
    public static void startRegistry() throws Exception {
        server = DockerRegistryServer.start();
        seeder = server.seedClient();
        seeder.push(NAME, DOCKER, "docker");
        seeder.push(NAME, OCI, "oci");
        seeder.push(NAME, INDEX, "index");
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

    private static ImageRef tag(String t) {
        return ImageRef.of(Tag.of(t));
    }

    private static Predicate<Request> manifest(String method, String ref) {
        return r -> r.method().equals(method) && r.path().endsWith("/manifests/" + ref);
    }

    private static final Misanswer BASIC_CHALLENGE =
            Misanswer.status(401, Map.of("WWW-Authenticate", "Basic realm=\"field\""));

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    // --- redirects

    @Test
    public void getManifest_whenRedirected307ToAnotherHost_followsIt_andDropsTheAuthorizationHeader() throws Exception {
        String path = "/v2/" + NAME + "/manifests/docker";
        front.next(manifest("GET", "docker"), BASIC_CHALLENGE, Misanswer.redirect(307, other.uri() + path));
        RawManifest m = registry.getManifest(tag("docker")).orElseThrow();
        assertArrayEquals(DOCKER.manifest().bytes(), m.bytes());
        List<Request> here = front.requests();
        assertEquals(basic(), here.get(1).header("Authorization"));
        List<Request> there = other.requests();
        assertEquals(1, there.size());
        assertNull("credentials went to another host", there.get(0).header("Authorization"));
    }

    @Test
    public void resolve_whenRedirected302WithARelativeLocation_followsItOnTheSameHost_keepingTheAuthorization()
            throws Exception {
        front.next(manifest("HEAD", "docker"), BASIC_CHALLENGE,
                Misanswer.redirect(302, "/v2/" + NAME + "/manifests/docker?mirror=1"));
        assertEquals(DOCKER.manifest().digest(), registry.resolve(tag("docker")).orElseThrow());
        List<Request> seen = front.requests();
        assertEquals(3, seen.size());
        assertEquals("mirror=1", seen.get(2).query());
        assertEquals(basic(), seen.get(2).header("Authorization"));
    }

    @Test
    public void putManifest_whenRedirected308_followsItWithTheBody() throws Exception {
        front.next(manifest("PUT", "moved-put"),
                Misanswer.redirect(308, other.uri() + "/v2/" + NAME + "/manifests/moved-put"));
        registry.putManifest(Tag.of("moved-put"), DOCKER.manifest());
        assertEquals(1, other.requests().size());
        assertArrayEquals(DOCKER.manifest().bytes(), other.requests().get(0).body());
        assertEquals(DOCKER.manifest().digest(), registry.resolve(tag("moved-put")).orElseThrow());
    }

    @Test
    public void getManifest_whenRedirectsGoRoundInACircle_isAProtocolError() {
        String self = "/v2/" + NAME + "/manifests/docker";
        front.next(manifest("GET", "docker"), Misanswer.redirect(302, self + "?a"), Misanswer.redirect(302, self));
        RegistryException e = assertThrows(RegistryException.class, () -> registry.getManifest(tag("docker")));
        assertEquals(Reason.PROTOCOL, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("redirects go round in a circle"));
    }

    @Test
    public void getManifest_whenRedirectedMoreThanFiveTimes_isAProtocolError() {
        String self = "/v2/" + NAME + "/manifests/docker?hop=";
        front.next(r -> r.method().equals("GET") && r.isManifest(), Misanswer.redirect(302, self + 1),
                Misanswer.redirect(302, self + 2), Misanswer.redirect(302, self + 3), Misanswer.redirect(302, self + 4),
                Misanswer.redirect(302, self + 5), Misanswer.redirect(302, self + 6));
        RegistryException e = assertThrows(RegistryException.class, () -> registry.getManifest(tag("docker")));
        assertEquals(Reason.PROTOCOL, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("redirected more than 5 times"));
        assertEquals(6, front.requests().size());
    }

    // --- media types

    private void retag_withContentType(String generic, SyntheticImage image, String from) throws Exception {
        front.contentTypeOverride(generic);
        RawManifest m = registry.getManifest(tag(from)).orElseThrow();
        assertEquals(image.manifest().mediaType(), m.mediaType());
        front.contentTypeOverride(null);
        registry.putManifest(Tag.of(from + "-copy"), m);
        RawManifest copy = registry.getManifest(tag(from + "-copy")).orElseThrow();
        assertArrayEquals(image.manifest().bytes(), copy.bytes());
        assertEquals(image.manifest().mediaType(), copy.mediaType());
        Request put = front.requests().stream().filter(manifest("PUT", from + "-copy")).findFirst().orElseThrow();
        assertEquals(image.manifest().mediaType(), put.header("Content-Type"));
    }

    @Test
    public void getManifest_servedAsOctetStream_takesTheTypeFromTheDocument_andRetagsByteForByte() throws Exception {
        retag_withContentType("application/octet-stream", DOCKER, "docker");
    }

    @Test
    public void getManifest_servedAsTextPlainWithCharset_takesTheTypeFromTheDocument() throws Exception {
        retag_withContentType("text/plain; charset=utf-8", OCI, "oci");
    }

    @Test
    public void getManifest_servedAsBinaryOctetStream_takesTheTypeFromTheDocument() throws Exception {
        retag_withContentType("binary/octet-stream", INDEX, "index");
    }

    @Test
    public void getManifest_ofAnOciManifestWithoutMediaTypeField_servedGenerically_isInferredFromItsFields()
            throws Exception {
        String text = new String(OCI.manifest().bytes(), StandardCharsets.UTF_8)
                .replaceFirst("\"mediaType\": \"" + MediaTypes.OCI_MANIFEST.replace("+", "\\+") + "\",\\s*", "");
        assertFalse(text, text.contains(MediaTypes.OCI_MANIFEST));
        RawManifest bare = RawManifest.of(text.getBytes(StandardCharsets.UTF_8), MediaTypes.OCI_MANIFEST);
        seeder.putManifest(NAME, "bare", bare);
        front.contentTypeOverride("application/octet-stream");
        RawManifest m = registry.getManifest(tag("bare")).orElseThrow();
        assertEquals(MediaTypes.OCI_MANIFEST, m.mediaType());
        assertEquals(bare.digest(), m.digest());
    }

    @Test
    public void getManifest_ofADockerSchema1Manifest_isRefusedSayingHowToRePush_notAsADigestMismatch() {
        String schema1 = "{\"schemaVersion\": 1, \"name\": \"field/answers\", \"tag\": \"old\", \"fsLayers\": [],"
                + " \"signatures\": [{\"signature\": \"abc\"}]}";
        front.next(manifest("GET", "old"), Misanswer.status(200, Map.of(
                "Content-Type", "application/vnd.docker.distribution.manifest.v1+prettyjws",
                "Docker-Content-Digest", "sha256:" + "0".repeat(64)), schema1.getBytes(StandardCharsets.UTF_8)));
        RegistryException e = assertThrows(RegistryException.class, () -> registry.getManifest(tag("old")));
        assertEquals(Reason.PROTOCOL, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("Docker schema 1 manifest"));
        assertTrue(e.getMessage(), e.getMessage().contains("skopeo copy --format v2s2"));
        assertFalse(e.getMessage(), e.getMessage().contains("hash"));
    }

    // --- secrets in what a registry sends back

    @Test
    public void getManifest_whenTheErrorBodyEchoesTheCredentials_showsNoFormOfThem_andEscapesControlCharacters() {
        String echo = "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"you sent Authorization: " + basic()
                + " (password " + PASSWORD + ") \\u001b[2J\\u202e done\"}]}";
        front.next(manifest("GET", "docker"), BASIC_CHALLENGE,
                Misanswer.status(400, Map.of("Content-Type", "application/json"), echo.getBytes(StandardCharsets.UTF_8)));
        RegistryException e = assertThrows(RegistryException.class, () -> registry.getManifest(tag("docker")));
        String msg = e.getMessage();
        assertNotNull(front.requests().get(1).header("Authorization"));
        assertFalse(msg, msg.contains(PASSWORD));
        assertFalse(msg, msg.contains(basic().substring("Basic ".length())));
        assertTrue(msg, msg.contains("DENIED: you sent Authorization: Basic ****"));
        assertFalse(msg, msg.contains("\u001b") || msg.contains("\u202e"));
        assertTrue(msg, msg.contains("\\u001b[2J\\u202e"));
    }

    @Test
    public void getManifest_whenTheErrorBodyEchoesTheBearerToken_showsNeitherItNorTheCredentialsTheTokenServerGot() {
        String token = "eyJhbGciOiJSUzI1NiJ9.field-token-" + "x".repeat(40) + ".sig";
        // The second front stands for the token server: it answers the token request itself.
        other.answerInstead(r -> r.path().equals("/token"), 200, "application/json",
                ("{\"token\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8));
        String echo = "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"Authorization: Bearer " + token
                + "; token server got " + basic() + "\"}]}";
        front.next(manifest("GET", "docker"), Misanswer.status(401, Map.of("WWW-Authenticate",
                        "Bearer realm=\"" + other.uri() + "/token\",service=\"field\"")),
                Misanswer.status(403, Map.of("Content-Type", "application/json"), echo.getBytes(StandardCharsets.UTF_8)));
        RegistryException e = assertThrows(RegistryException.class, () -> registry.getManifest(tag("docker")));
        String msg = e.getMessage();
        assertEquals("Bearer " + token, front.requests().get(1).header("Authorization"));
        assertEquals(basic(), other.requests().get(0).header("Authorization"));
        assertFalse(msg, msg.contains(token));
        assertFalse(msg, msg.contains(basic().substring("Basic ".length())));
        assertTrue(msg, msg.contains("DENIED: Authorization: Bearer ****; token server got Basic ****"));
    }
}
