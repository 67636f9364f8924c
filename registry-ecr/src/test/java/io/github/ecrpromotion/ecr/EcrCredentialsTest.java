package io.github.ecrpromotion.ecr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.testkit.MotoServer;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * Which credentials the backend signs with: temporary keys carry their session token; without keys, the machine's
 * own identity (default chain or a named profile) is used only when ambient credentials are allowed.
 */
public class EcrCredentialsTest {
    private static final String NAME = "demo/credentials";
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
    public void temporaryKeys_sendTheirSessionTokenOnEveryCall() throws Exception {
        EcrTestSupport.seed(sdk, NAME, SyntheticImage.dockerV2("token"), "build-1");
        CallLog log = new CallLog();
        RegistryOptions options = EcrTestSupport.options(moto.endpoint())
                .awsKeys("ASIAIOSFODNN7EXAMPLE", "secret", "FwoGZXIvYXdzEXAMPLETOKEN").build();
        try (EcrRegistry registry = new EcrClientFactory(options).retryStrategy(AwsRetryStrategy.doNotRetry())
                .interceptor(log).open(EcrTestSupport.repository(NAME))) {
            registry.getManifest(ImageRef.of(Tag.of("build-1"))).orElseThrow();
        }
        assertEquals(1, log.securityTokens.size());
        assertEquals("FwoGZXIvYXdzEXAMPLETOKEN", log.securityTokens.get(0));
        assertTrue(log.authorizations.get(0), log.authorizations.get(0).contains("Credential=ASIAIOSFODNN7EXAMPLE/"));
    }

    @Test
    public void longTermKeys_sendNoSessionToken() throws Exception {
        EcrTestSupport.seed(sdk, NAME, SyntheticImage.dockerV2("no-token"), "build-2");
        CallLog log = new CallLog();
        try (EcrRegistry registry = new EcrClientFactory(EcrTestSupport.options(moto.endpoint()).build())
                .retryStrategy(AwsRetryStrategy.doNotRetry()).interceptor(log).open(EcrTestSupport.repository(NAME))) {
            registry.getManifest(ImageRef.of(Tag.of("build-2"))).orElseThrow();
        }
        assertEquals("", log.securityTokens.get(0));
    }

    @Test
    public void noKeys_whenAmbientNotAllowed_isRefusedBeforeAnyCall() {
        RegistryOptions options = RegistryOptions.builder().endpointUrl(moto.endpoint()).ambientCredentialsAllowed(false).build();
        RegistryException e = assertThrows(RegistryException.class,
                () -> new EcrClientFactory(options).open(EcrTestSupport.repository(NAME)));
        assertEquals(RegistryException.Reason.AUTH, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("no AWS credentials were given"));
        assertTrue(e.getMessage(), e.getMessage().contains("ambient credentials"));
    }

    @Test
    public void aProfile_countsAsAmbient_andIsRefusedWhenAmbientNotAllowed() {
        RegistryOptions options = RegistryOptions.builder().endpointUrl(moto.endpoint()).awsProfile("prod")
                .roleArn("arn:aws:iam::" + EcrTestSupport.ACCOUNT + ":role/r").ambientCredentialsAllowed(false).build();
        RegistryException e = assertThrows(RegistryException.class,
                () -> new EcrClientFactory(options).open(EcrTestSupport.repository(NAME)));
        assertEquals(RegistryException.Reason.AUTH, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("profile 'prod'"));
    }

    @Test
    public void keys_whenAmbientNotAllowed_stillWork() throws Exception {
        EcrTestSupport.seed(sdk, NAME, SyntheticImage.dockerV2("explicit"), "build-3");
        RegistryOptions options = EcrTestSupport.options(moto.endpoint()).ambientCredentialsAllowed(false).build();
        try (EcrRegistry registry = new EcrClientFactory(options).retryStrategy(AwsRetryStrategy.doNotRetry())
                .open(EcrTestSupport.repository(NAME))) {
            assertTrue(registry.getManifest(ImageRef.of(Tag.of("build-3"))).isPresent());
        }
    }
}
