package io.github.ecrpromotion.cli;

import static io.github.ecrpromotion.cli.DemoLayout.B10;
import static io.github.ecrpromotion.cli.DemoLayout.B11;
import static io.github.ecrpromotion.cli.DemoLayout.B12;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.env.Json;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.testkit.MotoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The CLI against a real moto server through the ECR backend: the repository host selects ECR, {@code --endpoint-url}
 * points it at moto, and credentials come from the AWS default chain (here the {@code aws.*} system properties).
 */
public class EcrCommandsTest {
    private static final String REPO = "123456789012.dkr.ecr.us-east-1.amazonaws.com/oe/ecs-demo";
    private static MotoServer moto;

    @BeforeClass
    public static void startMoto() {
        moto = MotoServer.start();
    }

    @AfterClass
    public static void stopMoto() {
        if (moto != null) {
            moto.close();
        }
    }

    @Before
    public void seed() throws Exception {
        moto.reset();
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        ecr("CreateRepository", "{\"repositoryName\": \"oe/ecs-demo\"}");
        put(11, B11);
        put(11, "staging");
        put(11, "production");
        put(12, B12);
        put(12, "testing");
    }

    @After
    public void clearCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    public void state_onEcr_printsTheDesignsSecondTable() {
        Cli.Run run = Cli.run("state", REPO, "--endpoint-url", moto.endpoint());
        assertEquals(run.toString(), 0, run.exit());
        assertEquals("{\n  \"testing\": \"" + B12 + "\",\n  \"staging\": \"" + B11 + "\",\n  \"production\": \""
                + B11 + "\"\n}\n", run.out());
    }

    @Test
    public void state_onEcrHostWithItsPort443_isTheSameEcrRepository() {
        Cli.Run run = Cli.run("state", REPO.replace(".amazonaws.com/", ".amazonaws.com:443/"), "--endpoint-url",
                moto.endpoint());
        assertEquals(run.toString(), 0, run.exit());
        assertEquals(Cli.run("state", REPO, "--endpoint-url", moto.endpoint()).out(), run.out());
    }

    @Test
    public void to_onEcr_movesStagingAndStateShowsIt() {
        Cli.Run run = Cli.run("to", "staging", REPO, "--from", "testing", "--endpoint-url", moto.endpoint());
        assertEquals(run.toString(), 0, run.exit());
        assertTrue(run.out(), run.out().startsWith("staging: " + B11));
        Cli.Run state = Cli.run("state", REPO, "--endpoint-url", moto.endpoint(), "--detail");
        assertTrue(state.out(), state.out().contains("\"staging\": {\"buildTag\": \"" + B12 + "\", \"digest\": \""
                + DemoLayout.image(12).manifest().digest() + "\"}"));
    }

    @Test
    public void to_onEcrNotFromPredecessor_isRefusedAndNothingMoves() {
        Cli.Run run = Cli.run("to", "production", REPO, "--from", "testing", "--endpoint-url", moto.endpoint());
        assertEquals(run.toString(), 3, run.exit());
        Cli.Run state = Cli.run("state", REPO, "--endpoint-url", moto.endpoint());
        assertTrue(state.out(), state.out().contains("\"production\": \"" + B11 + "\""));
    }

    @Test
    public void tag_onEcr_withMissingBuildTag_exits2() {
        Cli.Run run = Cli.run("to", "production", REPO, "--build-tag", B10, "--endpoint-url", moto.endpoint());
        assertEquals(run.toString(), 2, run.exit());
        assertTrue(run.err(), run.err().contains("build tag " + B10 + " is not in " + REPO));
    }

    @Test
    public void state_ofMissingEcrRepository_exits1WithoutStackTrace() {
        Cli.Run run = Cli.run("state", REPO.replace("oe/ecs-demo", "oe/nope"), "--endpoint-url", moto.endpoint());
        assertEquals(run.toString(), 1, run.exit());
        assertEquals(1, run.err().lines().count());
        assertFalse(run.err(), run.err().contains("\tat "));
    }

    private static void put(int build, String tag) throws Exception {
        RawManifest m = DemoLayout.image(build).manifest();
        // Always send imageDigest = sha256(bytes): moto stores what it is given and would otherwise invent one.
        ecr("PutImage", "{\"repositoryName\": \"oe/ecs-demo\", \"imageTag\": " + Json.string(tag)
                + ", \"imageManifest\": " + Json.string(m.text()) + ", \"imageManifestMediaType\": "
                + Json.string(m.mediaType()) + ", \"imageDigest\": " + Json.string(m.digest().toString()) + "}");
    }

    /**
     * One ECR API call as plain JSON. moto checks no signature, but takes the region from the credential scope of the
     * Authorization header (without one it may file the repository elsewhere than the SDK's calls look).
     */
    private static void ecr(String action, String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(moto.endpoint() + "/"))
                .header("X-Amz-Target", "AmazonEC2ContainerRegistry_V20150921." + action)
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/ecr/aws4_request, "
                        + "SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(action + " answered " + r.statusCode() + ": " + r.body());
        }
    }
}
