package io.jenkins.plugins.ecrpromotion.steps;

import io.jenkins.plugins.ecrpromotion.EcrParameters;
import io.jenkins.plugins.ecrpromotion.credentials.GlobalDefaults;
import io.jenkins.plugins.ecrpromotion.credentials.TargetResolver;
import io.jenkins.plugins.ecrpromotion.credentials.TestCredentials;
import io.jenkins.plugins.ecrpromotion.registry.Failures;
import io.jenkins.plugins.ecrpromotion.registry.RegistryTarget;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import io.github.ecrpromotion.core.buildtag.BuildTag;
import io.github.ecrpromotion.core.exec.PromotionResult;
import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.testkit.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * The steps' logic through the real ECR backend (found by ServiceLoader, as in Jenkins) against a real moto server,
 * reached with the global configuration's endpoint URL and an "AWS Credentials" credential. The AWS SDK is used here
 * only to create the repository and push the image, independently of the code under test.
 */
public class PromoteStepLogicMotoTest {
    private static final String HOST = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
    private static MotoServer moto;

    @BeforeClass
    public static void startMoto() {
        moto = MotoServer.shared();
    }

    private static EcrClient sdk() {
        return EcrClient.builder().region(Region.US_EAST_1).endpointOverride(URI.create(moto.endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
    }

    private static RegistryTarget target(String name, GlobalDefaults defaults) throws AbortException {
        StandardCredentials key = TestCredentials.aws("moto", AwsBasicCredentials.create("testing", "testing"));
        return new TargetResolver(defaults, id -> id.equals("moto") ? key : null)
                .resolve(new EcrParameters(HOST + "/" + name, "moto", null, null, null), "ecrPromote");
    }

    @Test
    public void buildTagThenPromote_throughTheEcrBackendOnMoto_movesStagingToTheBuild() throws Exception {
        String name = "plugin/promote-" + System.nanoTime();
        RawManifest image = SyntheticImage.dockerV2("built by ecs-demo #11").manifest();
        try (EcrClient sdk = sdk()) {
            sdk.createRepository(b -> b.repositoryName(name));
            sdk.putImage(b -> b.registryId("123456789012").repositoryName(name).imageManifest(image.text())
                    .imageManifestMediaType(image.mediaType()).imageDigest(image.digest().toString())
                    .imageTag("pushed"));
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream logger = new PrintStream(log, true, StandardCharsets.UTF_8);
        RegistryTarget t = target(name, new GlobalDefaults(null, null, null, null, moto.endpoint(), 20));
        BuildTag tag = BuildTag.parse("2026.11.25T14.03.12Z.5ad95f2-ecs-demo-11");

        try (Registry registry = t.open("ecrPromote")) {
            assertEquals("io.github.ecrpromotion.ecr.EcrRegistry", registry.getClass().getName());
            BuildTagStepLogic.apply(registry, t.chain(), logger, tag, "pushed", "testing", false);
            PromotionResult r = PromoteStepLogic.promote(registry, t.chain(), logger, "staging", "testing", null, null, false);
            Map<String, String> state = StateStepLogic.state(registry, t.chain(), logger);

            assertTrue(r.changed());
            assertEquals(image.digest().toString(), PromoteStepLogic.toMap(r).get("digest"));
            assertEquals(tag.toString(), PromoteStepLogic.toMap(r).get("buildTag"));
            assertEquals(Map.of("testing", tag.toString(), "staging", tag.toString()), state);
        }
        String out = log.toString(StandardCharsets.UTF_8);
        assertTrue(out, out.contains("[ecrPromote] " + HOST + "/" + name + " staging: (no tag) -> " + tag));
    }

    @Test
    public void open_whenRepositoryMissingOnMoto_abortsWithNotFoundAdvice() throws Exception {
        RegistryTarget t = target("plugin/never-created", new GlobalDefaults(null, null, null, null, moto.endpoint(), 20));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Registry registry = t.open("ecrState")) {
            io.github.ecrpromotion.core.PromotionException e = assertThrows(io.github.ecrpromotion.core.PromotionException.class,
                    () -> StateStepLogic.state(registry, t.chain(), new PrintStream(log, true, StandardCharsets.UTF_8)));
            String message = Failures.message(e, "ecrState");
            assertTrue(message, message.contains("Check repository: (and region:) in ecrState"));
            assertFalse(message, message.contains("\n"));
        }
    }
}
