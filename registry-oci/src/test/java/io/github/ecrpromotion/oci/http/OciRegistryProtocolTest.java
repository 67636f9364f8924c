package io.github.ecrpromotion.oci.http;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.MediaTypes;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.PutResult;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.oci.http.ScriptedServer.Reply;
import io.github.ecrpromotion.oci.http.ScriptedServer.Request;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.After;
import org.junit.Test;

/**
 * Protocol paths a local docker-registry 2.8 cannot show, against scripted servers that record what they receive:
 * Link pagination, bearer tokens (fetch, cache per scope, refresh after a 401), a registry without
 * Docker-Content-Digest, the Accept list, error statuses and unreachable or silent servers.
 */
public class OciRegistryProtocolTest {
    private static final SyntheticImage IMAGE = SyntheticImage.dockerV2("scripted");
    private static final RawManifest M = IMAGE.manifest();
    private static final String MANIFEST_PATH = "/v2/demo/app/manifests/";

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @After
    public void closeAll() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private ScriptedServer server(Function<Request, Reply> script) throws Exception {
        ScriptedServer s = new ScriptedServer(script);
        closeables.add(s);
        return s;
    }

    private static RegistryOptions.Builder options() {
        return RegistryOptions.builder().timeout(Duration.ofSeconds(10)).dockerConfig("/nonexistent/config.json");
    }

    private static OciRegistry open(ScriptedServer s, RegistryOptions.Builder options) {
        return new OciRegistry(Repository.of(s.hostPort() + "/demo/app"), options.build());
    }

    private static Reply manifest(RawManifest m, boolean withDigest) {
        Map<String, String> h = new java.util.LinkedHashMap<>();
        h.put("Content-Type", m.mediaType());
        if (withDigest) {
            h.put("Docker-Content-Digest", m.digest().toString());
        }
        return new Reply(200, h, m.bytes());
    }

    @Test
    public void listTags_followsLinkPaginationRelativeAndAbsolute() throws Exception {
        int[] port = new int[1];
        ScriptedServer s = server(req -> {
            assertEquals("GET", req.method());
            switch (req.target()) {
                case "/v2/demo/app/tags/list":
                    return Reply.json(200, "{\"name\":\"demo/app\",\"tags\":[\"a\",\"b\"]}",
                            "Link", "</v2/demo/app/tags/list?last=b&n=2>; rel=\"next\"");
                case "/v2/demo/app/tags/list?last=b&n=2":
                    return Reply.json(200, "{\"name\":\"demo/app\",\"tags\":[\"c\",\"d\"]}",
                            "Link", "<http://127.0.0.1:" + port[0] + "/v2/demo/app/tags/list?last=d&n=2>; rel=\"next\"");
                case "/v2/demo/app/tags/list?last=d&n=2":
                    return Reply.json(200, "{\"name\":\"demo/app\",\"tags\":[\"e\"]}");
                default:
                    return Reply.of(500);
            }
        });
        port[0] = s.port();
        List<Tag> tags = open(s, options()).listTags();
        assertEquals(List.of(Tag.of("a"), Tag.of("b"), Tag.of("c"), Tag.of("d"), Tag.of("e")), tags);
        assertEquals(List.of("/v2/demo/app/tags/list", "/v2/demo/app/tags/list?last=b&n=2", "/v2/demo/app/tags/list?last=d&n=2"),
                s.requests().stream().map(Request::target).toList());
    }

    @Test
    public void everyRequest_namesThisToolAsItsUserAgent() throws Exception {
        ScriptedServer s = server(req -> Reply.json(200, "{\"name\":\"demo/app\",\"tags\":[\"a\"]}"));
        open(s, options()).listTags();
        assertTrue(s.requests().toString(), s.requests().get(0).header("user-agent").startsWith("ecr-promotion/"));
    }

    @Test
    public void listTags_whenRepositoryMissing_isNotFound() throws Exception {
        ScriptedServer s = server(req -> Reply.json(404,
                "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known to registry\"}]}"));
        RegistryException e = assertThrows(RegistryException.class, () -> open(s, options()).listTags());
        assertEquals(RegistryException.Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("NAME_UNKNOWN"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("Tried to list the tags of " + s.hostPort() + "/demo/app"
                + " but failed because the repository was not found"));
    }

    @Test
    public void listTags_whenOtherToolsWroteInvalidTags_skipsEachWithOneWarning_andKeepsSignatureTags() throws Exception {
        String tooLong = "t".repeat(300);
        String signature = "sha256-" + "ab".repeat(32) + ".sig";
        String withNewline = "bad\\nline";
        ScriptedServer s = server(req -> Reply.json(200, "{\"name\":\"demo/app\",\"tags\":[\"build-1\",\"" + tooLong
                + "\",\"" + signature + "\",\"" + withNewline + "\",\".hidden\"]}"));
        OciRegistry r = open(s, options());
        assertEquals(List.of(Tag.of("build-1"), Tag.of(signature)), r.listTags());
        r.listTags();
        List<String> warnings = r.takeWarnings();
        assertEquals(warnings.toString(), 3, warnings.size());
        String first = warnings.get(0);
        assertTrue(first, first.startsWith("Skipped the tag '" + "t".repeat(140) + "...' (300 characters) in "
                + s.hostPort() + "/demo/app because it is not a valid OCI tag"));
        assertFalse(first, first.contains("t".repeat(141)));
        assertTrue(warnings.get(1), warnings.get(1).startsWith("Skipped the tag 'bad\\u000aline' in "));
        assertTrue(warnings.get(2), warnings.get(2).startsWith("Skipped the tag '.hidden' in "));
        assertEquals(List.of(), r.takeWarnings());
    }

    @Test
    public void getManifest_withoutDigestHeader_whenAHeadOfTheTagDisagrees_isProtocolErrorNamingBothDigests()
            throws Exception {
        Digest other = SyntheticImage.dockerV2("moved meanwhile").manifest().digest();
        ScriptedServer s = server(req -> req.method().equals("HEAD")
                ? new Reply(200, Map.of("Content-Type", M.mediaType(), "Docker-Content-Digest", other.toString()), new byte[0])
                : manifest(M, false));
        RegistryException e = assertThrows(RegistryException.class,
                () -> open(s, options()).getManifest(ImageRef.of(Tag.of("build-1"))));
        assertEquals(RegistryException.Reason.PROTOCOL, e.reason());
        assertTrue(e.getMessage(), e.getMessage().startsWith("Tried to read the manifest build-1 from "));
        assertTrue(e.getMessage(), e.getMessage().contains(M.digest().toString()));
        assertTrue(e.getMessage(), e.getMessage().contains(other.toString()));
        assertEquals(List.of("GET " + MANIFEST_PATH + "build-1", "HEAD " + MANIFEST_PATH + "build-1"),
                s.requests().stream().map(q -> q.method() + " " + q.target()).toList());
    }

    @Test
    public void getManifest_withoutDigestHeader_whenAHeadOfTheTagAgrees_returnsTheBytes() throws Exception {
        ScriptedServer s = server(req -> req.method().equals("HEAD")
                ? new Reply(200, Map.of("Content-Type", M.mediaType(), "Docker-Content-Digest", M.digest().toString()), new byte[0])
                : manifest(M, false));
        assertArrayEquals(M.bytes(), open(s, options()).getManifest(ImageRef.of(Tag.of("build-1"))).orElseThrow().bytes());
        assertEquals(2, s.requests().size());
    }

    @Test
    public void manifestHeadAndGet_sendTheFullAcceptList() throws Exception {
        ScriptedServer s = server(req -> manifest(M, true));
        OciRegistry r = open(s, options());
        r.resolve(ImageRef.of(Tag.of("build-1")));
        r.getManifest(ImageRef.of(Tag.of("build-1")));
        List<Request> reqs = s.requests();
        assertEquals(List.of("HEAD", "GET"), reqs.stream().map(Request::method).toList());
        for (Request req : reqs) {
            String accept = req.header("Accept");
            assertEquals(MediaTypes.acceptHeader(), accept);
            for (String type : List.of(MediaTypes.DOCKER_MANIFEST, MediaTypes.DOCKER_MANIFEST_LIST,
                    MediaTypes.OCI_MANIFEST, MediaTypes.OCI_INDEX)) {
                assertTrue(accept, accept.contains(type));
            }
        }
    }

    @Test
    public void registryWithoutDockerContentDigest_resolvesByHashingTheGetBody() throws Exception {
        ScriptedServer s = server(req -> {
            if (req.method().equals("PUT")) {
                return Reply.of(201);
            }
            if (req.path().endsWith("/testing")) {
                return Reply.of(404);
            }
            return manifest(M, false);
        });
        OciRegistry r = open(s, options());
        assertEquals(M.digest(), r.resolve(ImageRef.of(Tag.of("build-1"))).orElseThrow());
        assertEquals(List.of("HEAD " + MANIFEST_PATH + "build-1", "GET " + MANIFEST_PATH + "build-1"),
                s.requests().stream().map(q -> q.method() + " " + q.target()).toList());
        RawManifest got = r.getManifest(ImageRef.of(Tag.of("build-1"))).orElseThrow();
        assertArrayEquals(M.bytes(), got.bytes());
        PutResult put = r.putManifest(Tag.of("testing"), got);
        assertEquals(M.digest(), put.digest());
        assertTrue(put.changed());
        Request putReq = s.requests().get(s.requests().size() - 1);
        assertEquals("PUT", putReq.method());
        assertEquals(M.mediaType(), putReq.header("Content-Type"));
        assertArrayEquals(M.bytes(), putReq.body());
    }

    @Test
    public void getManifest_whenDigestHeaderDisagreesWithBytes_isProtocolError() throws Exception {
        Digest other = Digest.sha256("other".getBytes(StandardCharsets.UTF_8));
        ScriptedServer s = server(req -> new Reply(200, Map.of("Content-Type", M.mediaType(),
                "Docker-Content-Digest", other.toString()), M.bytes()));
        RegistryException e = assertThrows(RegistryException.class,
                () -> open(s, options()).getManifest(ImageRef.of(Tag.of("build-1"))));
        assertEquals(RegistryException.Reason.PROTOCOL, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains(other.toString()));
    }

    @Test
    public void putManifest_whenBlobsUnknown_isConflict_andServerError_isRetryableUnavailable() throws Exception {
        AtomicInteger puts = new AtomicInteger();
        ScriptedServer s = server(req -> {
            if (!req.method().equals("PUT")) {
                // "testing" is absent: HEAD 404, and the GET that confirms it 404 too.
                return Reply.of(404);
            }
            return puts.incrementAndGet() == 1
                    ? Reply.json(400, "{\"errors\":[{\"code\":\"MANIFEST_BLOB_UNKNOWN\",\"message\":\"blob unknown to registry\"}]}")
                    : Reply.json(503, "{}");
        });
        OciRegistry r = open(s, options());
        RegistryException conflict = assertThrows(RegistryException.class, () -> r.putManifest(Tag.of("testing"), M));
        assertEquals(RegistryException.Reason.CONFLICT, conflict.reason());
        RegistryException unavailable = assertThrows(RegistryException.class, () -> r.putManifest(Tag.of("testing"), M));
        assertEquals(RegistryException.Reason.UNAVAILABLE, unavailable.reason());
        assertTrue(unavailable.isRetryable());
    }

    @Test
    public void bearerToken_isFetchedCachedPerScopeAndRefreshedOnceAfter401() throws Exception {
        AtomicInteger issued = new AtomicInteger();
        Set<String> valid = ConcurrentHashMap.newKeySet();
        ScriptedServer tokens = server(req -> {
            String token = "tok-" + issued.incrementAndGet();
            valid.add(token);
            return Reply.json(200, "{\"token\":\"" + token + "\",\"expires_in\":60}");
        });
        String realm = "http://" + tokens.hostPort() + "/token";
        ScriptedServer registry = server(req -> {
            String auth = req.header("Authorization");
            boolean push = req.method().equals("PUT");
            if (auth == null || !auth.startsWith("Bearer ") || !valid.contains(auth.substring(7))) {
                return Reply.json(401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}",
                        "WWW-Authenticate", "Bearer realm=\"" + realm + "\",service=\"scripted-registry\",scope=\"repository:demo/app:"
                                + (push ? "pull,push" : "pull") + "\"");
            }
            if (push) {
                return new Reply(201, Map.of("Docker-Content-Digest", M.digest().toString()), new byte[0]);
            }
            if (req.path().endsWith("/testing")) {
                return Reply.of(404);
            }
            return manifest(M, true);
        });
        OciRegistry r = open(registry, options().basicAuth("robot", "robot-Pa55"));

        // 1. First call: anonymous, challenged, token for the pull scope, retried.
        assertArrayEquals(M.bytes(), r.getManifest(ImageRef.of(Tag.of("build-1"))).orElseThrow().bytes());
        // 2. Cached: no new token.
        assertEquals(M.digest(), r.resolve(ImageRef.of(Tag.of("build-1"))).orElseThrow());
        // 3. The registry stops accepting tok-1 (expired): one refresh, one retry.
        valid.remove("tok-1");
        assertEquals(M.digest(), r.resolve(ImageRef.of(Tag.of("build-1"))).orElseThrow());
        // 4. A write needs the pull,push scope: the realm is known, so the token is fetched before the PUT.
        assertTrue(r.putManifest(Tag.of("testing"), M).changed());

        List<Request> tokenReqs = tokens.requests();
        assertEquals(3, tokenReqs.size());
        assertEquals(List.of("repository:demo/app:pull", "repository:demo/app:pull", "repository:demo/app:pull,push"),
                tokenReqs.stream().map(q -> query(q, "scope")).toList());
        String basic = "Basic " + Base64.getEncoder().encodeToString("robot:robot-Pa55".getBytes(StandardCharsets.UTF_8));
        for (Request q : tokenReqs) {
            assertEquals("scripted-registry", query(q, "service"));
            assertEquals(basic, q.header("Authorization"));
        }
        List<String> seen = registry.requests().stream()
                .map(q -> q.method() + " " + q.path().substring(MANIFEST_PATH.length()) + " " + q.header("Authorization"))
                .toList();
        assertEquals(List.of(
                "GET build-1 null",
                "GET build-1 Bearer tok-1",
                "HEAD build-1 Bearer tok-1",
                "HEAD build-1 Bearer tok-1",
                "HEAD build-1 Bearer tok-2",
                "HEAD testing Bearer tok-2",
                "GET testing Bearer tok-2", // the HEAD's 404 is confirmed before "testing" counts as absent
                "PUT testing Bearer tok-3"), seen);
    }

    @Test
    public void putManifest_whenAnswered401_getsANewTokenAndIsSentOnceMore_withItsBody() throws Exception {
        // The token expires between the fetch and the PUT: the PUT itself meets the 401 (a body sent with a fixed
        // length, which the JDK cannot answer a challenge for by itself).
        AtomicInteger issued = new AtomicInteger();
        ScriptedServer tokens = server(req -> Reply.json(200, "{\"token\":\"tok-" + issued.incrementAndGet() + "\"}"));
        String challenge = "Bearer realm=\"http://" + tokens.hostPort() + "/token\",service=\"scripted-registry\"";
        AtomicInteger puts = new AtomicInteger();
        ScriptedServer registry = server(req -> {
            if (req.header("Authorization") == null || req.method().equals("PUT") && puts.incrementAndGet() == 1) {
                return Reply.json(401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"token expired\"}]}",
                        "WWW-Authenticate", challenge);
            }
            return req.method().equals("PUT") ? new Reply(201, Map.of("Docker-Content-Digest", M.digest().toString()),
                    new byte[0]) : Reply.of(404);
        });
        OciRegistry r = open(registry, options());

        assertTrue(r.putManifest(Tag.of("testing"), M).changed());

        List<Request> sent = registry.requests().stream().filter(q -> q.method().equals("PUT")).toList();
        assertEquals(2, sent.size());
        assertEquals(List.of("Bearer tok-2", "Bearer tok-3"), sent.stream().map(q -> q.header("Authorization")).toList());
        for (Request q : sent) {
            assertArrayEquals(M.bytes(), q.body());
        }
    }

    @Test
    public void bearerToken_whenTheTokenServerIsBusy_isRetriedByTheRegistrysPolicy() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        ScriptedServer tokens = server(req -> asked.incrementAndGet() <= 2
                ? Reply.json(asked.get() == 1 ? 503 : 429, "{}", "Retry-After", "0")
                : Reply.json(200, "{\"token\":\"tok-ok\"}"));
        String realm = "http://" + tokens.hostPort() + "/token";
        ScriptedServer registry = server(req -> "Bearer tok-ok".equals(req.header("Authorization"))
                ? manifest(M, true)
                : Reply.json(401, "{}", "WWW-Authenticate", "Bearer realm=\"" + realm + "\",service=\"svc\",scope=\"repository:demo/app:pull\""));
        OciRegistry r = open(registry, options().basicAuth("robot", "robot-Pa55"));
        assertArrayEquals(M.bytes(), r.getManifest(ImageRef.of(Tag.of("build-1"))).orElseThrow().bytes());
        assertEquals(3, tokens.requests().size());
    }

    @Test
    public void bearerToken_whenStillRejectedAfterRefresh_isAuthErrorWithoutSecrets() throws Exception {
        ScriptedServer tokens = server(req -> Reply.json(200, "{\"access_token\":\"very-secret-token\"}"));
        String realm = "http://" + tokens.hostPort() + "/token";
        ScriptedServer registry = server(req -> Reply.json(401, "{}",
                "WWW-Authenticate", "Bearer realm=\"" + realm + "\",service=\"svc\",scope=\"repository:demo/app:pull\""));
        OciRegistry r = open(registry, options().basicAuth("robot", "robot-Pa55"));
        RegistryException e = assertThrows(RegistryException.class, () -> r.resolve(ImageRef.of(Tag.of("x"))));
        assertEquals(RegistryException.Reason.AUTH, e.reason());
        assertFalse(e.getMessage(), e.getMessage().contains("very-secret-token"));
        assertFalse(e.getMessage(), e.getMessage().contains("robot-Pa55"));
        // Anonymous try, then exactly one retry with the token: no loop.
        assertEquals(2, registry.requests().size());
        assertEquals("Bearer very-secret-token", registry.requests().get(1).header("Authorization"));
    }

    @Test
    public void bearerToken_whenTokenServerRefusesCredentials_isAuthErrorWithoutPassword() throws Exception {
        ScriptedServer tokens = server(req -> Reply.json(401, "{\"details\":\"bad password robot-Pa55\"}"));
        String realm = "http://" + tokens.hostPort() + "/token";
        ScriptedServer registry = server(req -> Reply.json(401, "{}",
                "WWW-Authenticate", "Bearer realm=\"" + realm + "\",service=\"svc\",scope=\"repository:demo/app:pull\""));
        RegistryException e = assertThrows(RegistryException.class,
                () -> open(registry, options().basicAuth("robot", "robot-Pa55")).listTags());
        assertEquals(RegistryException.Reason.AUTH, e.reason());
        assertFalse(e.getMessage(), e.getMessage().contains("robot-Pa55"));
        assertTrue(e.getMessage(), e.getMessage().contains("user 'robot'"));
    }

    @Test
    public void bearerToken_credentialsAreNeverSentToAnotherHostOverPlainHttpOrToALinkLocalAddress() throws Exception {
        for (String realm : List.of("http://tokens.example.invalid/token", "https://169.254.169.254/latest/token",
                "http://[fe80::1]/token")) {
            ScriptedServer registry = server(req -> Reply.json(401, "{}",
                    "WWW-Authenticate", "Bearer realm=\"" + realm + "\",service=\"svc\",scope=\"repository:demo/app:pull\""));
            RegistryException e = assertThrows(realm, RegistryException.class,
                    () -> open(registry, options().basicAuth("robot", "robot-Pa55")).listTags());
            assertEquals(realm, RegistryException.Reason.AUTH, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains("credentials"));
            assertFalse(e.getMessage(), e.getMessage().contains("robot-Pa55"));
            // Only the anonymous request reached the registry; no token request was made anywhere.
            assertEquals(realm, 1, registry.requests().size());
        }
    }

    @Test
    public void unreachablePort_isRetryableUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        OciRegistry r = new OciRegistry(Repository.of("127.0.0.1:" + port + "/demo/app"),
                options().timeout(Duration.ofSeconds(2)).build());
        RegistryException e = assertThrows(RegistryException.class, () -> r.resolve(ImageRef.of(Tag.of("x"))));
        assertEquals(RegistryException.Reason.UNAVAILABLE, e.reason());
        assertTrue(e.isRetryable());
        assertTrue(e.getMessage(), e.getMessage().contains("refused"));
    }

    /** The socket accepts connections (kernel backlog) but never answers: the request timeout must end the call. */
    @Test(timeout = 60_000)
    public void silentServer_endsWithinTheTimeoutAsUnavailable() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            OciRegistry r = new OciRegistry(Repository.of("127.0.0.1:" + silent.getLocalPort() + "/demo/app"),
                    options().timeout(Duration.ofMillis(300)).build());
            RegistryException e = assertThrows(RegistryException.class, () -> r.getManifest(ImageRef.of(Tag.of("x"))));
            assertEquals(RegistryException.Reason.UNAVAILABLE, e.reason());
            assertTrue(e.isRetryable());
            assertTrue(e.getMessage(), e.getMessage().contains("timeout of 300 ms"));
        }
    }

    @Test
    public void scheme_isHttpsByDefault_andHttpForLoopbackOrWhenAsked() {
        Repository remote = Repository.of("registry.example.com/demo/app");
        assertEquals("https://registry.example.com/v2/demo/app/tags/list",
                new Transport(remote, RegistryOptions.defaults()).uri("tags/list").toString());
        assertEquals("http://registry.example.com/v2/demo/app/tags/list",
                new Transport(remote, RegistryOptions.builder().plainHttp(true).build()).uri("tags/list").toString());
        assertEquals("http://localhost:5000/v2/demo/app/tags/list",
                new Transport(Repository.of("localhost:5000/demo/app"), RegistryOptions.defaults()).uri("tags/list").toString());
        assertEquals("https://registry-1.docker.io/v2/library/nginx/tags/list",
                new Transport(Repository.of("docker.io/nginx"), RegistryOptions.defaults()).uri("tags/list").toString());
    }

    @Test
    public void challenge_parsesQuotedParameters() {
        Challenge c = Challenge.parse("Bearer realm=\"https://auth.example.com/token\",service=\"registry.example.com\","
                + "scope=\"repository:a/b:pull,push\"").orElseThrow();
        assertTrue(c.isBearer());
        assertEquals("https://auth.example.com/token", c.param("realm").orElseThrow());
        assertEquals("repository:a/b:pull,push", c.param("scope").orElseThrow());
        assertTrue(Challenge.parse("Basic realm=\"probe-realm\"").orElseThrow().isBasic());
        assertNull(Challenge.parse("Basic").orElseThrow().params().get("realm"));
    }

    private static String query(Request q, String name) {
        String t = q.target();
        int i = t.indexOf('?');
        for (String part : t.substring(i + 1).split("&")) {
            int eq = part.indexOf('=');
            if (part.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
