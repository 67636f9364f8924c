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
import io.github.ecrpromotion.core.registry.RegistryException.Reason;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    @Test
    public void resolveTagsOfAndImagesOf_whenImageNotFound_areEmpty() throws Exception {
        server.on("DescribeImages", error(400, "ImageNotFoundException", "The image with imageId {imageTag:'testing'} does not exist"));
        assertTrue(registry.resolve(ImageRef.of(Tag.of("testing"))).isEmpty());
        assertTrue(registry.tagsOf(MANIFEST.digest()).isEmpty());
        assertTrue(registry.imagesOf(List.of(Tag.of("testing"), Tag.of("staging")), BuildTag::isBuildTag,
                BuildTagOrder.BUILD_TAGS_NEWEST_FIRST).isEmpty());
        List<ScriptedEcrServer.Received> got = server.received("DescribeImages");
        assertEquals(4, got.size());
        assertTrue(got.get(0).body(), got.get(0).body().contains("\"imageIds\":[{\"imageTag\":\"testing\"}]"));
        assertTrue(got.get(1).body(), got.get(1).body().contains("\"imageIds\":[{\"imageDigest\":\"" + MANIFEST.digest() + "\"}]"));
        assertTrue(got.get(3).body(), got.get(3).body().contains("\"imageIds\":[{\"imageTag\":\"staging\"}]"));
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
