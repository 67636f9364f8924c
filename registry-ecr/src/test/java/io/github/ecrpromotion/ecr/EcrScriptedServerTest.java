package io.github.ecrpromotion.ecr;

import static io.github.ecrpromotion.ecr.ScriptedEcrServer.error;
import static io.github.ecrpromotion.ecr.ScriptedEcrServer.ok;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.buildtag.BuildTagOrder;
import io.github.ecrpromotion.core.env.Json;
import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.MediaTypes;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.ImmutableTagException;
import io.github.ecrpromotion.core.registry.PutResult;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RetryPolicy;
import io.github.ecrpromotion.core.registry.RegistryException.Reason;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * ECR protocol paths moto cannot show, against a scripted local server, with the production retry strategy:
 * pagination, throttling, ImageTagAlreadyExistsException, auth errors, timeouts. Asserts on the requests received.
 */
public class EcrScriptedServerTest {
    private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String REPO = "123456789012.dkr.ecr.us-east-1.amazonaws.com/demo/app";
    private static final RawManifest MANIFEST = SyntheticImage.dockerV2("scripted").manifest();
    private static final String B10 = "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-10";

    private ScriptedEcrServer server;
    private EcrRegistry registry;

    @Before
    public void start() throws Exception {
        server = new ScriptedEcrServer();
        registry = open(REPO, options());
    }

    @After
    public void stop() {
        if (registry != null) {
            registry.close();
        }
        server.close();
    }

    private RegistryOptions.Builder options() {
        return RegistryOptions.builder().endpointUrl(server.endpoint()).awsKeys(KEY_ID, SECRET).timeout(Duration.ofSeconds(30));
    }

    private static EcrRegistry open(String repo, RegistryOptions.Builder options) throws Exception {
        return new EcrClientFactory(options.build()).open(Repository.parse(repo));
    }

    private static String imageDetail(Digest d, String... tags) {
        StringBuilder t = new StringBuilder();
        for (String s : tags) {
            t.append(t.length() == 0 ? "" : ",").append(Json.string(s));
        }
        return "{\"imageDetails\":[{\"registryId\":\"123456789012\",\"repositoryName\":\"demo/app\",\"imageDigest\":\""
                + d + "\",\"imageTags\":[" + t + "]}]}";
    }

    @Test
    public void listTags_followsNextToken_untilTheLastPage() throws Exception {
        Digest a = Digest.sha256("a".getBytes());
        server.on("ListImages",
                ok("{\"imageIds\":[{\"imageDigest\":\"" + a + "\",\"imageTag\":\"build-1\"},{\"imageDigest\":\"" + a
                        + "\",\"imageTag\":\"testing\"}],\"nextToken\":\"page-2-token\"}"),
                ok("{\"imageIds\":[{\"imageDigest\":\"" + a + "\",\"imageTag\":\"build-2\"}]}"));
        assertEquals(List.of(Tag.of("build-1"), Tag.of("testing"), Tag.of("build-2")), registry.listTags());
        List<ScriptedEcrServer.Received> got = server.received("ListImages");
        assertEquals(2, got.size());
        assertFalse(got.get(0).body(), got.get(0).body().contains("nextToken"));
        assertTrue(got.get(1).body(), got.get(1).body().contains("\"nextToken\":\"page-2-token\""));
        for (ScriptedEcrServer.Received r : got) {
            assertTrue(r.body(), r.body().contains("\"tagStatus\":\"TAGGED\""));
            assertTrue(r.body(), r.body().contains("\"registryId\":\"123456789012\""));
            assertTrue(r.body(), r.body().contains("\"repositoryName\":\"demo/app\""));
        }
    }

    @Test
    public void getManifest_asksForEveryManifestType_andReturnsTheExactText() throws Exception {
        server.on("BatchGetImage", ok("{\"images\":[{\"registryId\":\"123456789012\",\"repositoryName\":\"demo/app\","
                + "\"imageId\":{\"imageDigest\":\"" + MANIFEST.digest() + "\",\"imageTag\":\"testing\"},"
                + "\"imageManifest\":" + Json.string(MANIFEST.text()) + ",\"imageManifestMediaType\":\""
                + MANIFEST.mediaType() + "\"}],\"failures\":[]}"));
        RawManifest got = registry.getManifest(ImageRef.of(Tag.of("testing"))).orElseThrow();
        assertArrayEquals(MANIFEST.bytes(), got.bytes());
        assertEquals(MANIFEST.mediaType(), got.mediaType());
        String body = server.received("BatchGetImage").get(0).body();
        for (String type : MediaTypes.MANIFESTS) {
            assertTrue(body, body.contains("\"" + type + "\""));
        }
        assertTrue(body, body.contains("\"imageIds\":[{\"imageTag\":\"testing\"}]"));
    }

    @Test
    public void getManifest_whenEcrReportsImageNotFound_isEmpty() throws Exception {
        server.on("BatchGetImage", ok("{\"images\":[],\"failures\":[{\"imageId\":{\"imageTag\":\"testing\"},"
                + "\"failureCode\":\"ImageNotFound\",\"failureReason\":\"Requested image not found\"}]}"));
        assertTrue(registry.getManifest(ImageRef.of(Tag.of("testing"))).isEmpty());
    }

    @Test
    public void getManifest_whenEcrReportsAnotherFailure_throws() throws Exception {
        server.on("BatchGetImage", ok("{\"images\":[],\"failures\":[{\"imageId\":{\"imageTag\":\"testing\"},"
                + "\"failureCode\":\"UpstreamUnavailable\",\"failureReason\":\"pull through cache upstream is down\"}]}"));
        RegistryException e = assertThrows(RegistryException.class, () -> registry.getManifest(ImageRef.of(Tag.of("testing"))));
        assertEquals(Reason.UNAVAILABLE, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("UpstreamUnavailable"));
    }

    @Test
    public void getManifest_whenTextDoesNotHashToTheReportedDigest_isProtocolError() throws Exception {
        Digest other = Digest.sha256("something else".getBytes());
        server.on("BatchGetImage", ok("{\"images\":[{\"imageId\":{\"imageDigest\":\"" + other + "\"},"
                + "\"imageManifest\":" + Json.string(MANIFEST.text()) + ",\"imageManifestMediaType\":\""
                + MANIFEST.mediaType() + "\"}]}"));
        RegistryException e = assertThrows(RegistryException.class, () -> registry.getManifest(ImageRef.of(other)));
        assertEquals(Reason.PROTOCOL, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains(other.toString()));
    }

    @Test
    public void putManifest_sendsTheExactTextMediaTypeTagAndDigest() throws Exception {
        server.on("PutImage", ok("{\"image\":{\"registryId\":\"123456789012\",\"repositoryName\":\"demo/app\","
                + "\"imageId\":{\"imageDigest\":\"" + MANIFEST.digest() + "\",\"imageTag\":\"testing\"}}}"));
        PutResult put = registry.putManifest(Tag.of("testing"), MANIFEST);
        assertTrue(put.changed());
        assertEquals(MANIFEST.digest(), put.digest());
        String body = server.received("PutImage").get(0).body();
        assertTrue(body, body.contains("\"imageManifest\":" + Json.string(MANIFEST.text())));
        assertTrue(body, body.contains("\"imageManifestMediaType\":\"" + MediaTypes.DOCKER_MANIFEST + "\""));
        assertTrue(body, body.contains("\"imageTag\":\"testing\""));
        assertTrue(body, body.contains("\"imageDigest\":\"" + MANIFEST.digest() + "\""));
        assertTrue(body, body.contains("\"registryId\":\"123456789012\""));
    }

    @Test
    public void putManifest_whenTagIsImmutable_throwsImmutableTagExceptionWithoutRetrying() throws Exception {
        server.on("PutImage", error(400, "ImageTagAlreadyExistsException",
                "The image tag 'testing' already exists in the 'demo/app' repository and cannot be overwritten because the repository is immutable."));
        ImmutableTagException e = assertThrows(ImmutableTagException.class, () -> registry.putManifest(Tag.of("testing"), MANIFEST));
        assertEquals(Reason.CONFLICT, e.reason());
        assertFalse(e.isRetryable());
        assertTrue(e.getMessage(), e.getMessage().contains("immutable tags"));
        assertTrue(e.getMessage(), e.getMessage().contains("IMMUTABLE_WITH_EXCLUSION"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("Tried to point testing at " + MANIFEST.digest()));
        assertEquals(1, server.received().size());
    }

    @Test
    public void putManifest_whenImageAlreadyExistsUnderTheTag_reportsUnchanged() throws Exception {
        server.on("PutImage", error(400, "ImageAlreadyExistsException", "Image with digest '" + MANIFEST.digest()
                + "' and tag 'testing' already exists in the repository"));
        server.on("DescribeImages", ok(imageDetail(MANIFEST.digest(), "testing", B10)));
        PutResult put = registry.putManifest(Tag.of("testing"), MANIFEST);
        assertFalse(put.changed());
        assertEquals(MANIFEST.digest(), put.digest());
        assertEquals(1, server.received("PutImage").size());
    }

    @Test
    public void putManifest_whenThrottledOnce_succeedsOnRetry() throws Exception {
        server.on("PutImage", error(400, "ThrottlingException", "Rate exceeded"),
                ok("{\"image\":{\"imageId\":{\"imageDigest\":\"" + MANIFEST.digest() + "\",\"imageTag\":\"testing\"}}}"));
        assertTrue(registry.putManifest(Tag.of("testing"), MANIFEST).changed());
        assertEquals(2, server.received("PutImage").size());
    }

    @Test
    public void putManifest_whenAlwaysThrottled_retriesThenReportsUnavailable() throws Exception {
        server.on("PutImage", error(400, "ThrottlingException", "Rate exceeded"));
        long start = System.nanoTime();
        RegistryException e = assertThrows(RegistryException.class, () -> registry.putManifest(Tag.of("testing"), MANIFEST));
        System.out.printf("throttled PutImage: %d attempts in %d ms%n", server.received().size(), (System.nanoTime() - start) / 1_000_000);
        assertEquals(Reason.UNAVAILABLE, e.reason());
        assertTrue(e.isRetryable());
        assertTrue(e.getMessage(), e.getMessage().contains("throttled"));
        assertEquals(EcrClientFactory.MAX_ATTEMPTS, server.received("PutImage").size());
        // The same policy and the same words as the OCI backend: the attempts are counted in the message.
        assertTrue(e.getMessage(), e.getMessage().endsWith("(" + RetryPolicy.MAX_ATTEMPTS + " attempts)"));
    }

    @Test
    public void listTags_whenHttp429_retriesThenReportsUnavailable() throws Exception {
        server.on("ListImages", new ScriptedEcrServer.Answer(429, "{}", false));
        RegistryException e = assertThrows(RegistryException.class, registry::listTags);
        assertEquals(Reason.UNAVAILABLE, e.reason());
        assertTrue(e.isRetryable());
        assertEquals(EcrClientFactory.MAX_ATTEMPTS, server.received("ListImages").size());
    }

    @Test
    public void serverError_isRetriedThenUnavailable() throws Exception {
        server.on("DescribeImages", error(500, "ServerException", "internal error"));
        RegistryException e = assertThrows(RegistryException.class, () -> registry.resolve(ImageRef.of(Tag.of("testing"))));
        assertEquals(Reason.UNAVAILABLE, e.reason());
        assertTrue(e.isRetryable());
        assertEquals(EcrClientFactory.MAX_ATTEMPTS, server.received("DescribeImages").size());
    }

    private static String batchGetImage(RawManifest m, String tag) {
        return "{\"images\":[{\"registryId\":\"123456789012\",\"repositoryName\":\"demo/app\","
                + "\"imageId\":{\"imageDigest\":\"" + m.digest() + "\",\"imageTag\":\"" + tag + "\"},"
                + "\"imageManifest\":" + Json.string(m.text()) + ",\"imageManifestMediaType\":\"" + m.mediaType() + "\"}],"
                + "\"failures\":[]}";
    }

    private static final String BATCH_NOT_FOUND = "{\"images\":[],\"failures\":[{\"imageId\":{\"imageTag\":\"testing\"},"
            + "\"failureCode\":\"ImageNotFound\",\"failureReason\":\"Requested image not found\"}]}";

    @Test
    public void resolveTagsOfAndImagesOf_whenImageNotFound_confirmWithBatchGetImage_thenAreEmpty() throws Exception {
        server.on("DescribeImages", error(400, "ImageNotFoundException", "The image with imageId {imageTag:'testing'} does not exist"));
        server.on("BatchGetImage", ok(BATCH_NOT_FOUND));
        assertTrue(registry.resolve(ImageRef.of(Tag.of("testing"))).isEmpty());
        assertTrue(registry.tagsOf(MANIFEST.digest()).isEmpty());
        assertTrue(registry.imagesOf(List.of(Tag.of("testing"), Tag.of("staging")), BuildTag::isBuildTag,
                BuildTagOrder.BUILD_TAGS_NEWEST_FIRST).isEmpty());
        for (String op : List.of("DescribeImages", "BatchGetImage")) {
            List<ScriptedEcrServer.Received> got = server.received(op);
            assertEquals(op, 4, got.size());
            assertTrue(got.get(0).body(), got.get(0).body().contains("\"imageIds\":[{\"imageTag\":\"testing\"}]"));
            assertTrue(got.get(1).body(), got.get(1).body().contains("\"imageIds\":[{\"imageDigest\":\"" + MANIFEST.digest() + "\"}]"));
            assertTrue(got.get(3).body(), got.get(3).body().contains("\"imageIds\":[{\"imageTag\":\"staging\"}]"));
        }
        assertEquals(8, server.received().size());
    }

    @Test
    public void resolve_whenDescribeImagesSaysNotFoundButBatchGetImageHasIt_returnsTheDigest() throws Exception {
        server.on("DescribeImages", error(400, "ImageNotFoundException", "The image with imageId {imageTag:'testing'} does not exist"));
        server.on("BatchGetImage", ok(batchGetImage(MANIFEST, "testing")));
        assertEquals(MANIFEST.digest(), registry.resolve(ImageRef.of(Tag.of("testing"))).orElseThrow());
        assertEquals(List.of("DescribeImages", "BatchGetImage"), server.received().stream().map(ScriptedEcrServer.Received::operation).toList());
        assertTrue(server.received("BatchGetImage").get(0).body().contains("\"imageIds\":[{\"imageTag\":\"testing\"}]"));
    }

    @Test
    public void resolve_whenDescribeImagesAnswersNoDetails_confirmsWithBatchGetImage() throws Exception {
        server.on("DescribeImages", ok("{\"imageDetails\":[]}"));
        server.on("BatchGetImage", ok(BATCH_NOT_FOUND), ok(batchGetImage(MANIFEST, "testing")));
        assertTrue(registry.resolve(ImageRef.of(Tag.of("testing"))).isEmpty());
        assertEquals(MANIFEST.digest(), registry.resolve(ImageRef.of(Tag.of("testing"))).orElseThrow());
        assertEquals(2, server.received("DescribeImages").size());
        assertEquals(2, server.received("BatchGetImage").size());
    }

    @Test
    public void imagesOfAndTagsOf_whenDescribeImagesByTagSaysNotFoundButBatchGetImageHasIt_describeByItsDigest() throws Exception {
        server.on("DescribeImages", error(400, "ImageNotFoundException", "The image with imageId {imageTag:'testing'} does not exist"),
                ok(imageDetail(MANIFEST.digest(), "testing", B10)),
                error(400, "ImageNotFoundException", "The image with imageId {imageDigest:'x'} does not exist"),
                ok(imageDetail(MANIFEST.digest(), "testing", B10)));
        server.on("BatchGetImage", ok(batchGetImage(MANIFEST, "testing")));
        var images = registry.imagesOf(List.of(Tag.of("testing")), BuildTag::isBuildTag, BuildTagOrder.BUILD_TAGS_NEWEST_FIRST);
        assertEquals(Map.of(Tag.of("testing"), new io.github.ecrpromotion.core.registry.Image(MANIFEST.digest(), List.of(Tag.of(B10)))),
                images);
        assertEquals(Set.of(Tag.of("testing"), Tag.of(B10)), registry.tagsOf(MANIFEST.digest()));
        assertEquals(List.of("DescribeImages", "BatchGetImage", "DescribeImages", "DescribeImages", "BatchGetImage", "DescribeImages"),
                server.received().stream().map(ScriptedEcrServer.Received::operation).toList());
        List<ScriptedEcrServer.Received> described = server.received("DescribeImages");
        assertTrue(described.get(0).body(), described.get(0).body().contains("\"imageIds\":[{\"imageTag\":\"testing\"}]"));
        assertTrue(described.get(1).body(), described.get(1).body().contains("\"imageIds\":[{\"imageDigest\":\"" + MANIFEST.digest() + "\"}]"));
    }

    @Test
    public void imagesOf_whenDescribeImagesNeverShowsWhatBatchGetImageHas_failsRetryably() throws Exception {
        server.on("DescribeImages", error(400, "ImageNotFoundException", "The image with imageId {imageTag:'testing'} does not exist"));
        server.on("BatchGetImage", ok(batchGetImage(MANIFEST, "testing")));
        RegistryException e = assertThrows(RegistryException.class, () -> registry.imagesOf(List.of(Tag.of("testing")),
                BuildTag::isBuildTag, BuildTagOrder.BUILD_TAGS_NEWEST_FIRST));
        assertEquals(Reason.UNAVAILABLE, e.reason());
        assertTrue(e.isRetryable());
        assertTrue(e.getMessage(), e.getMessage().startsWith("Tried to find the image of testing in "));
        assertTrue(e.getMessage(), e.getMessage().contains("BatchGetImage returned the image " + MANIFEST.digest()));
    }

    /** ECR accepts tags of up to 300 characters; the OCI grammar (and we) at most 128. */
    private static final String LONG_TAG = "release-" + "x".repeat(292);

    @Test
    public void listTags_skipsATagTooLongForOci_withOneWarningNamingIt() throws Exception {
        Digest a = Digest.sha256("a".getBytes());
        assertEquals(300, LONG_TAG.length());
        server.on("ListImages", ok("{\"imageIds\":[{\"imageDigest\":\"" + a + "\",\"imageTag\":\"" + LONG_TAG + "\"},"
                + "{\"imageDigest\":\"" + a + "\",\"imageTag\":\"testing\"},"
                + "{\"imageDigest\":\"" + a + "\",\"imageTag\":\"caf\u00e9\"}]}"));
        assertEquals(List.of(Tag.of("testing")), registry.listTags());
        assertEquals(List.of(Tag.of("testing")), registry.listTags());
        List<String> warnings = registry.takeWarnings();
        assertEquals(warnings.toString(), 2, warnings.size());
        String w = warnings.get(0);
        assertTrue(w, w.startsWith("Skipped the tag 'release-xxxx"));
        assertTrue(w, w.contains("...' (300 characters) in demo/app: not a valid OCI tag"));
        assertFalse(w, w.contains(LONG_TAG.substring(0, 160)));
        assertTrue(w, w.length() < 300);
        assertTrue(warnings.get(1), warnings.get(1).startsWith("Skipped the tag 'caf\\u00e9' (4 characters)"));
        assertEquals(List.of(), registry.takeWarnings());
    }

    @Test
    public void tagsOfAndImagesOf_skipATagTooLongForOciInDescribeImages_withOneWarning() throws Exception {
        server.on("DescribeImages", ok(imageDetail(MANIFEST.digest(), "testing", LONG_TAG, B10)));
        assertEquals(Set.of(Tag.of("testing"), Tag.of(B10)), registry.tagsOf(MANIFEST.digest()));
        var images = registry.imagesOf(List.of(Tag.of("testing")), t -> true, BuildTagOrder.BUILD_TAGS_NEWEST_FIRST);
        assertEquals(List.of(Tag.of(B10), Tag.of("testing")), images.get(Tag.of("testing")).tags());
        List<String> warnings = registry.takeWarnings();
        assertEquals(warnings.toString(), 1, warnings.size());
        assertTrue(warnings.get(0), warnings.get(0).contains("'release-xxx"));
        assertEquals(2, server.received().size());
    }

    @Test
    public void repositoryNotFound_onEveryCall_isNotFoundSayingSo() throws Exception {
        String aws = "The repository with name 'demo/app' does not exist in the registry with id '123456789012'";
        for (String op : List.of("ListImages", "DescribeImages", "BatchGetImage", "PutImage")) {
            server.on(op, error(400, "RepositoryNotFoundException", aws));
        }
        List<org.junit.function.ThrowingRunnable> calls = List.of(registry::listTags,
                () -> registry.resolve(ImageRef.of(Tag.of("testing"))),
                () -> registry.getManifest(ImageRef.of(Tag.of("testing"))),
                () -> registry.tagsOf(MANIFEST.digest()),
                () -> registry.imagesOf(List.of(Tag.of("testing")), t -> true, BuildTagOrder.BUILD_TAGS_NEWEST_FIRST),
                () -> registry.putManifest(Tag.of("testing"), MANIFEST));
        for (org.junit.function.ThrowingRunnable call : calls) {
            int before = server.received().size();
            RegistryException e = assertThrows(RegistryException.class, call);
            assertEquals(e.getMessage(), Reason.NOT_FOUND, e.reason());
            assertFalse(e.isRetryable());
            assertTrue(e.getMessage(), e.getMessage().matches("Tried to .* but failed because repository not found: demo/app "
                    + "does not exist in registry 123456789012 in us-east-1"));
            assertEquals(e.getMessage(), before + 1, server.received().size());
        }
    }

    @Test
    public void putManifest_whenServerFailsAndTheRepositoryIsMissing_isNotFound() throws Exception {
        // moto's answer to PutImage into a missing repository: a plain HTTP 500.
        server.on("PutImage", error(500, "InternalFailure", "exception"));
        server.on("ListImages", error(400, "RepositoryNotFoundException", "The repository with name 'demo/app' does not exist"));
        RegistryException e = assertThrows(RegistryException.class, () -> registry.putManifest(Tag.of("testing"), MANIFEST));
        assertEquals(Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("repository not found"));
        assertEquals(1, server.received("ListImages").size());
    }

    @Test
    public void putManifest_whenServerFailsAndTheRepositoryExists_isUnavailable() throws Exception {
        server.on("PutImage", error(500, "InternalFailure", "exception"));
        server.on("ListImages", ok("{\"imageIds\":[]}"));
        RegistryException e = assertThrows(RegistryException.class, () -> registry.putManifest(Tag.of("testing"), MANIFEST));
        assertEquals(Reason.UNAVAILABLE, e.reason());
        assertTrue(e.isRetryable());
        assertEquals(EcrClientFactory.MAX_ATTEMPTS, server.received("PutImage").size());
    }

    @Test
    public void imagesOf_takesEveryWantedTagFromOneDescribeImagesPerTag() throws Exception {
        String b11 = "2016.08.24T17.20.02Z.6be0a13-ecs-demo-11";
        server.on("DescribeImages", ok(imageDetail(MANIFEST.digest(), "testing", B10, "staging", b11)));
        var images = registry.imagesOf(List.of(Tag.of("testing")), BuildTag::isBuildTag, BuildTagOrder.BUILD_TAGS_NEWEST_FIRST);
        assertEquals(Map.of(Tag.of("testing"), new io.github.ecrpromotion.core.registry.Image(MANIFEST.digest(),
                List.of(Tag.of(b11), Tag.of(B10)))), images);
        assertEquals(1, server.received().size());
    }

    @Test
    public void unrecognizedCredentials_areAuthErrors_thatNeverShowTheKeys() throws Exception {
        server.on("ListImages", error(400, "UnrecognizedClientException", "The security token included in the request is invalid."));
        RegistryException e = assertThrows(RegistryException.class, registry::listTags);
        assertEquals(Reason.AUTH, e.reason());
        assertEquals(java.util.Optional.of(RegistryException.Remedy.AWS_CREDENTIALS), e.remedy());
        assertFalse(e.isRetryable());
        assertTrue(e.getMessage(), e.getMessage().contains("UnrecognizedClientException"));
        assertFalse(e.getMessage(), e.getMessage().contains(SECRET));
        assertFalse(e.getMessage(), e.getMessage().contains(KEY_ID));
        assertEquals(1, server.received().size());
        // The secret never travels either: only the key id and a signature are in the request.
        assertFalse(server.received().get(0).authorization().contains(SECRET));
    }

    @Test
    public void authErrors_maskOurKeysIfTheAnswerEchoesThem() throws Exception {
        server.on("ListImages", error(400, "ExpiredTokenException", "token for " + KEY_ID + " / " + SECRET + " expired"));
        RegistryException e = assertThrows(RegistryException.class, registry::listTags);
        assertEquals(Reason.AUTH, e.reason());
        assertFalse(e.getMessage(), e.getMessage().contains(SECRET));
        assertFalse(e.getMessage(), e.getMessage().contains(KEY_ID));
        assertTrue(e.getMessage(), e.getMessage().contains("****"));
    }

    @Test
    public void accessDenied_isAnAuthError_keepingAwsExplanation() throws Exception {
        server.on("PutImage", error(400, "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecr:PutImage"));
        RegistryException e = assertThrows(RegistryException.class, () -> registry.putManifest(Tag.of("testing"), MANIFEST));
        assertEquals(Reason.AUTH, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("ecr:PutImage"));
    }

    @Test
    public void repositoryNotFound_isNotFound() throws Exception {
        server.on("PutImage", error(400, "RepositoryNotFoundException",
                "The repository with name 'demo/app' does not exist in the registry with id '123456789012'"));
        RegistryException e = assertThrows(RegistryException.class, () -> registry.putManifest(Tag.of("testing"), MANIFEST));
        assertEquals(Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("repository not found"));
        assertEquals(1, server.received().size());
    }

    @Test
    public void invalidParameter_isAProtocolError_notRetried() throws Exception {
        server.on("PutImage", error(400, "InvalidParameterException", "Invalid parameter at 'imageTag'"));
        RegistryException e = assertThrows(RegistryException.class, () -> registry.putManifest(Tag.of("testing"), MANIFEST));
        assertEquals(Reason.PROTOCOL, e.reason());
        assertFalse(e.isRetryable());
        assertEquals(1, server.received().size());
    }

    @Test
    public void unreachableEndpoint_isUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (EcrRegistry r = open(REPO, options().endpointUrl("http://127.0.0.1:" + port).timeout(Duration.ofSeconds(5)))) {
            RegistryException e = assertThrows(RegistryException.class, r::listTags);
            assertEquals(Reason.UNAVAILABLE, e.reason());
            assertTrue(e.isRetryable());
            assertTrue(e.getMessage(), e.getMessage().contains("could not be reached"));
            assertTrue(e.getMessage(), e.getMessage().contains("127.0.0.1:" + port));
        }
    }

    @Test
    public void endpointThatNeverAnswers_isUnavailableAfterTheTimeout() throws Exception {
        server.on("ListImages", ScriptedEcrServer.hang());
        try (EcrRegistry r = open(REPO, options().timeout(Duration.ofSeconds(1)))) {
            RegistryException e = assertThrows(RegistryException.class, r::listTags);
            assertEquals(Reason.UNAVAILABLE, e.reason());
            assertTrue(e.isRetryable());
            assertFalse(server.received().isEmpty());
        }
    }

    @Test
    public void requests_nameTheHostsAccountAndRegion_unlessARegionIsGiven() throws Exception {
        server.on("ListImages", ok("{\"imageIds\":[]}"));
        String crossAccount = "210987654321.dkr.ecr.eu-west-1.amazonaws.com/team/app";
        try (EcrRegistry r = open(crossAccount, options())) {
            assertEquals(List.of(), r.listTags());
        }
        try (EcrRegistry r = open(crossAccount, options().region("us-west-2"))) {
            r.listTags();
        }
        List<ScriptedEcrServer.Received> got = server.received("ListImages");
        assertTrue(got.get(0).body(), got.get(0).body().contains("\"registryId\":\"210987654321\""));
        assertTrue(got.get(0).body(), got.get(0).body().contains("\"repositoryName\":\"team/app\""));
        assertTrue(got.get(0).authorization(), got.get(0).authorization().contains("/eu-west-1/ecr/aws4_request"));
        assertTrue(got.get(1).authorization(), got.get(1).authorization().contains("/us-west-2/ecr/aws4_request"));
    }

    @Test
    public void open_withAMalformedEndpoint_failsClearly() {
        RegistryException e = assertThrows(RegistryException.class, () -> open(REPO, options().endpointUrl("not a url")));
        assertTrue(e.getMessage(), e.getMessage().contains("'not a url' is not an http:// or https:// URL"));
    }

    @Test
    public void roleThatMayNotBeAssumed_isAnAuthErrorNamingTheRole() throws Exception {
        String role = "arn:aws:iam::123456789012:role/not-for-you";
        server.on("AssumeRole", ScriptedEcrServer.queryError(403, "AccessDenied", "User: arn:aws:iam::123456789012:user/ci "
                + "is not authorized to perform: sts:AssumeRole on resource: " + role));
        try (EcrRegistry r = open(REPO, options().roleArn(role).externalId("ext-1"))) {
            RegistryException e = assertThrows(RegistryException.class, r::listTags);
            assertEquals(Reason.AUTH, e.reason());
            assertEquals(java.util.Optional.of(RegistryException.Remedy.AWS_CREDENTIALS), e.remedy());
            assertTrue(e.getMessage(), e.getMessage().contains("assume the role " + role));
            assertFalse(e.getMessage(), e.getMessage().contains(SECRET));
        }
        assertEquals(1, server.received("AssumeRole").size());
        String body = server.received("AssumeRole").get(0).body();
        assertTrue(body, body.contains("RoleSessionName=ecr-promotion"));
        assertTrue(body, body.contains("ExternalId=ext-1"));
        assertTrue(server.received("ListImages").isEmpty());
    }
}
