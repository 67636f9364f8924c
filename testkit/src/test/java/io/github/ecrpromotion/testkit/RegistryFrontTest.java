package io.github.ecrpromotion.testkit;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.MediaTypes;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.testkit.RegistryFront.Hold;
import io.github.ecrpromotion.testkit.RegistryFront.Request;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The front itself, in front of a real docker-registry (and, for generic forwarding, a JDK echo server standing in
 * for moto's {@code POST /} API): it relays answers unchanged, applies each misbehaviour it is told, and holds one
 * request while others pass.
 */
public class RegistryFrontTest {
    private static final String NAME = "front/app";
    private static final SyntheticImage IMAGE = SyntheticImage.dockerV2("front");
    private static final RawManifest M = IMAGE.manifest();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static DockerRegistryServer registry;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private RegistryFront front;

    @BeforeClass
    public static void startRegistry() throws Exception {
        registry = DockerRegistryServer.start();
        registry.seedClient().push(NAME, IMAGE, "build-1");
    }

    @AfterClass
    public static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Before
    public void startFront() {
        front = RegistryFront.start(registry.uri());
    }

    @After
    public void closeFront() {
        front.close();
    }

    private HttpResponse<byte[]> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(front.uri().resolve(path)).timeout(WAIT)
                .header("Accept", MediaTypes.acceptHeader())
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private CompletableFuture<HttpResponse<byte[]>> sendAsync(String method, String path) {
        return http.sendAsync(HttpRequest.newBuilder(front.uri().resolve(path)).timeout(WAIT)
                .header("Accept", MediaTypes.acceptHeader())
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String manifestPath(String ref) {
        return "/v2/" + NAME + "/manifests/" + ref;
    }

    @Test
    public void forward_relaysStatusHeadersAndBody_andRecordsTheRequest() throws Exception {
        HttpResponse<byte[]> get = send("GET", manifestPath("build-1"));
        assertEquals(200, get.statusCode());
        assertArrayEquals(M.bytes(), get.body());
        assertEquals(M.mediaType(), get.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(M.digest().toString(), get.headers().firstValue("Docker-Content-Digest").orElseThrow());

        HttpResponse<byte[]> head = send("HEAD", manifestPath("build-1"));
        assertEquals(200, head.statusCode());
        assertEquals(M.digest().toString(), head.headers().firstValue("Docker-Content-Digest").orElseThrow());
        assertEquals(String.valueOf(M.bytes().length), head.headers().firstValue("Content-Length").orElseThrow());

        assertEquals(404, send("GET", manifestPath("absent")).statusCode());
        HttpResponse<byte[]> tags = send("GET", "/v2/" + NAME + "/tags/list?n=10");
        assertTrue(new String(tags.body(), StandardCharsets.UTF_8).contains("build-1"));

        List<Request> seen = front.requests();
        assertEquals(List.of("GET " + manifestPath("build-1"), "HEAD " + manifestPath("build-1"),
                "GET " + manifestPath("absent"), "GET /v2/" + NAME + "/tags/list"),
                seen.stream().map(Request::toString).toList());
        assertEquals("n=10", seen.get(3).query());
        assertNull(seen.get(0).query());
        assertEquals(MediaTypes.acceptHeader(), seen.get(0).header("ACCEPT"));
        assertTrue(seen.get(0).isManifest());
        assertFalse(seen.get(3).isManifest());
    }

    @Test
    public void forward_blobUploadThroughTheFront_staysBehindTheFront() throws Exception {
        SyntheticImage other = SyntheticImage.ociManifest("pushed through the front");
        new SeedClient(front.uri(), Optional.empty()).push(NAME, other, "through-front");
        // The upload's absolute Location named the upstream; the front rewrote it, so the PUT came through it too.
        assertTrue(front.requests().toString(), front.requests().stream()
                .anyMatch(r -> r.method().equals("PUT") && r.path().contains("/blobs/uploads/")));
        HttpResponse<byte[]> get = send("GET", manifestPath("through-front"));
        assertArrayEquals(other.manifest().bytes(), get.body());
    }

    @Test
    public void forward_awsStylePost_passesBodyAndHeadersGenerically() throws Exception {
        HttpServer echo = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        echo.createContext("/", ex -> {
            try (ex) {
                byte[] in = ex.getRequestBody().readAllBytes();
                String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
                byte[] out = ("{\"target\":\"" + target + "\",\"got\":" + new String(in, StandardCharsets.UTF_8) + "}")
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
                ex.getResponseHeaders().add("x-amzn-RequestId", "req-1");
                ex.sendResponseHeaders(200, out.length);
                ex.getResponseBody().write(out);
            }
        });
        echo.start();
        try (RegistryFront awsFront = RegistryFront.start(URI.create("http://127.0.0.1:" + echo.getAddress().getPort()))) {
            String target = "AmazonEC2ContainerRegistry_V20150921.PutImage";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(awsFront.uri().resolve("/")).timeout(WAIT)
                    .header("X-Amz-Target", target).header("Content-Type", "application/x-amz-json-1.1")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"imageTag\":\"staging\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals("{\"target\":\"" + target + "\",\"got\":{\"imageTag\":\"staging\"}}", r.body());
            assertEquals("req-1", r.headers().firstValue("x-amzn-RequestId").orElseThrow());
            Request seen = awsFront.requests().get(0);
            assertEquals("POST", seen.method());
            assertEquals("/", seen.path());
            assertEquals(target, seen.header("x-amz-target"));
            assertEquals("{\"imageTag\":\"staging\"}", new String(seen.body(), StandardCharsets.UTF_8));
        } finally {
            echo.stop(0);
        }
    }

    @Test
    public void headManifestsAnswer_404And405_answerHeadsOnly_andZeroForwardsAgain() throws Exception {
        front.headManifestsAnswer(404);
        assertEquals(404, send("HEAD", manifestPath("build-1")).statusCode());
        assertEquals(200, send("GET", manifestPath("build-1")).statusCode());
        assertEquals(200, send("HEAD", "/v2/" + NAME + "/blobs/" + IMAGE.blobs().get(0).digest()).statusCode());
        front.headManifestsAnswer(405);
        HttpResponse<byte[]> h405 = send("HEAD", manifestPath("build-1"));
        assertEquals(405, h405.statusCode());
        assertTrue(h405.headers().firstValue("Docker-Content-Digest").isEmpty());
        front.headManifestsAnswer(0);
        assertEquals(200, send("HEAD", manifestPath("build-1")).statusCode());
    }

    @Test
    public void stripDigestHeader_removesItFromEveryAnswer() throws Exception {
        front.stripDigestHeader(true);
        HttpResponse<byte[]> get = send("GET", manifestPath("build-1"));
        assertArrayEquals(M.bytes(), get.body());
        assertTrue(get.headers().firstValue("Docker-Content-Digest").isEmpty());
        assertTrue(send("HEAD", manifestPath("build-1")).headers().firstValue("Docker-Content-Digest").isEmpty());
        front.stripDigestHeader(false);
        assertTrue(send("HEAD", manifestPath("build-1")).headers().firstValue("Docker-Content-Digest").isPresent());
    }

    @Test
    public void contentTypeOverride_replacesTheManifestGetContentTypeOnly() throws Exception {
        front.contentTypeOverride("application/json");
        assertEquals("application/json", send("GET", manifestPath("build-1")).headers().firstValue("Content-Type").orElseThrow());
        assertEquals(M.mediaType(), send("HEAD", manifestPath("build-1")).headers().firstValue("Content-Type").orElseThrow());
        front.contentTypeOverride(null);
        assertEquals(M.mediaType(), send("GET", manifestPath("build-1")).headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    public void acknowledgeManifestPutsWithoutStoring_answers201WithTheBodysDigest_andStoresNothing() throws Exception {
        front.acknowledgeManifestPutsWithoutStoring(true);
        HttpResponse<byte[]> put = http.send(HttpRequest.newBuilder(front.uri().resolve(manifestPath("staging")))
                .timeout(WAIT).header("Content-Type", M.mediaType()).PUT(HttpRequest.BodyPublishers.ofByteArray(M.bytes()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(201, put.statusCode());
        assertEquals(M.digest().toString(), put.headers().firstValue("Docker-Content-Digest").orElseThrow());
        assertEquals(404, send("GET", manifestPath("staging")).statusCode());
        assertArrayEquals(M.bytes(), front.requests().get(0).body());
    }

    @Test
    public void hold_blocksTheMatchingRequestWhileOthersPass_untilReleased() throws Exception {
        Hold hold = front.hold(r -> r.method().equals("GET") && r.path().endsWith("/manifests/build-1"));
        CompletableFuture<HttpResponse<byte[]>> held = sendAsync("GET", manifestPath("build-1"));
        hold.awaitArrived(WAIT);
        assertEquals("GET " + manifestPath("build-1"), hold.request().toString());

        // Another request, even one the hold would match, flows while the first is held: a hold catches one request.
        assertEquals(200, send("HEAD", manifestPath("build-1")).statusCode());
        assertEquals(200, send("GET", manifestPath("build-1")).statusCode());
        assertFalse(held.isDone());

        hold.release();
        HttpResponse<byte[]> r = held.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(200, r.statusCode());
        assertArrayEquals(M.bytes(), r.body());
        assertEquals(3, front.requests().size());
    }

    @Test
    public void hold_appliesTheMisbehaviourInForceAtRelease() throws Exception {
        Hold hold = front.hold(r -> r.method().equals("HEAD"));
        CompletableFuture<HttpResponse<byte[]>> held = sendAsync("HEAD", manifestPath("build-1"));
        hold.awaitArrived(WAIT);
        front.headManifestsAnswer(405);
        hold.release();
        assertEquals(405, held.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode());
    }

    @Test
    public void hold_whenNothingArrives_failsTheWait() {
        Hold hold = front.hold(r -> r.method().equals("DELETE"));
        assertThrows(AssertionError.class, () -> hold.awaitArrived(Duration.ofMillis(50)));
    }

    @Test
    public void resetAndClose_releaseAForgottenHold() throws Exception {
        Hold first = front.hold(r -> true);
        CompletableFuture<HttpResponse<byte[]>> held = sendAsync("GET", manifestPath("build-1"));
        first.awaitArrived(WAIT);
        front.headManifestsAnswer(404);
        front.stripDigestHeader(true);
        front.reset();
        assertEquals(200, held.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode());
        HttpResponse<byte[]> head = send("HEAD", manifestPath("build-1"));
        assertEquals(200, head.statusCode());
        assertTrue(head.headers().firstValue("Docker-Content-Digest").isPresent());
        assertEquals(1, front.requests().size());

        Hold forgotten = front.hold(r -> true);
        CompletableFuture<HttpResponse<byte[]>> second = sendAsync("GET", manifestPath("build-1"));
        forgotten.awaitArrived(WAIT);
        front.close();
        // Released on close, and answered before the server stops, instead of hanging.
        assertEquals(200, second.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode());
    }
}
