package io.github.ecrpromotion.ecr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.testkit.MotoServer;
import java.util.List;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/** With a role ARN, the backend assumes the role through STS (moto's) and signs ECR calls with the role's keys. */
public class EcrRoleAssumptionTest {
    private static final String ROLE = "arn:aws:iam::" + EcrTestSupport.ACCOUNT + ":role/ecr-promoter";
    private static final String NAME = "demo/assumed";
    private static MotoServer moto;
    private static EcrClient sdk;

    @BeforeClass
    public static void startMoto() {
        moto = MotoServer.shared();
        moto.reset();
        sdk = EcrTestSupport.sdk(moto.endpoint());
        sdk.createRepository(b -> b.repositoryName(NAME));
    }

    @AfterClass
    public static void closeSdk() {
        if (sdk != null) {
            sdk.close();
        }
    }

    @Test
    public void roleArn_assumesTheRoleOnce_andSignsEcrCallsWithItsKeys() throws Exception {
        SyntheticImage image = SyntheticImage.dockerV2("assumed");
        EcrTestSupport.seed(sdk, NAME, image, "build-1");
        CallLog log = new CallLog();
        EcrClientFactory factory = new EcrClientFactory(EcrTestSupport.options(moto.endpoint())
                .roleArn(ROLE).externalId("ext-42").build())
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .interceptor(log);
        try (EcrRegistry registry = factory.open(EcrTestSupport.repository(NAME))) {
            RawManifest m = registry.getManifest(ImageRef.of(Tag.of("build-1"))).orElseThrow();
            assertEquals(image.manifest(), m);
            assertTrue(registry.putManifest(Tag.of("testing"), m).changed());
        }
        // AssumeRole runs once, for the first ECR call; PutImage reuses its keys. Where the interceptors see it depends
        // on the SDK: 2.42 (Jenkins' aws-java-sdk2 plugins) resolves credentials before the ECR call's first hook, newer
        // SDKs inside it (BatchGetImage, AssumeRole, PutImage). The wire order is checked below.
        assertEquals(List.of("AssumeRole", "BatchGetImage", "PutImage"), log.operations);
        AssumeRoleRequest assume = (AssumeRoleRequest) log.requests.get(0);
        assertEquals(ROLE, assume.roleArn());
        assertEquals(EcrClientFactory.ROLE_SESSION_NAME, assume.roleSessionName());
        assertEquals("ext-42", assume.externalId());
        // On the wire AssumeRole goes first, signed with the base keys; ECR calls carry the temporary keys.
        assertEquals(3, log.authorizations.size());
        assertTrue(log.authorizations.get(0), log.authorizations.get(0).contains("Credential=" + EcrTestSupport.KEY_ID + "/"));
        for (String auth : log.authorizations.subList(1, log.authorizations.size())) {
            assertTrue(auth, auth.contains("Credential="));
            assertFalse(auth, auth.contains("Credential=" + EcrTestSupport.KEY_ID + "/"));
        }
    }

    @Test
    public void roleSessionName_fromTheOptions_isSentToSts() throws Exception {
        SyntheticImage image = SyntheticImage.dockerV2("named-session");
        EcrTestSupport.seed(sdk, NAME, image, "build-2");
        CallLog log = new CallLog();
        EcrClientFactory factory = new EcrClientFactory(EcrTestSupport.options(moto.endpoint())
                .roleArn(ROLE).roleSessionName("team-ecs-demo-11").build())
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .interceptor(log);
        try (EcrRegistry registry = factory.open(EcrTestSupport.repository(NAME))) {
            registry.getManifest(ImageRef.of(Tag.of("build-2"))).orElseThrow();
        }
        AssumeRoleRequest assume = (AssumeRoleRequest) log.requests.get(log.operations.indexOf("AssumeRole"));
        assertEquals("team-ecs-demo-11", assume.roleSessionName());
    }
}
