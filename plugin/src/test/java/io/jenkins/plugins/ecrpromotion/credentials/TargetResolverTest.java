package io.jenkins.plugins.ecrpromotion.credentials;

import io.jenkins.plugins.ecrpromotion.EcrParameters;
import io.jenkins.plugins.ecrpromotion.registry.RegistryTarget;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

public class TargetResolverTest {
    public static final String ECR = "123456789012.dkr.ecr.us-east-1.amazonaws.com/oe/ecs-demo";
    static final String OCI = "registry.example.com/oe/ecs-demo";

    private final Map<String, StandardCredentials> store = new HashMap<>();

    private TargetResolver resolver(GlobalDefaults defaults) {
        return new TargetResolver(defaults, store::get);
    }

    @Test
    public void resolve_whenNoRepositoryAnywhere_abortsSayingWhereToSetIt() {
        AbortException e = assertThrows(AbortException.class,
                () -> resolver(GlobalDefaults.NONE).resolve(new EcrParameters(), "ecrPromote"));
        assertEquals("No repository given: set repository: in ecrPromote or a default registry in "
                + "Manage Jenkins -> System -> ECR Promotion.", e.getMessage());
    }

    @Test
    public void resolve_passesTheControllersBuildTagStore_toTheBackend_andNoneWithoutIt() throws Exception {
        GlobalDefaults defaults = new GlobalDefaults(ECR, "eu-west-1", null, null, null, 7)
                .withControllerIdentityAllowed(true);
        io.github.ecrpromotion.core.registry.BuildTagDigests store =
                io.github.ecrpromotion.core.registry.BuildTagDigests.inMemory();
        assertEquals(store, resolver(defaults).withBuildTagDigests(store).resolve(new EcrParameters(), "ecrState")
                .options().buildTagDigests());
        assertEquals(io.github.ecrpromotion.core.registry.BuildTagDigests.NONE,
                resolver(defaults).resolve(new EcrParameters(), "ecrState").options().buildTagDigests());
    }

    @Test
    public void resolve_whenStepGivesNothing_usesTheGlobalDefaults() throws Exception {
        GlobalDefaults defaults = new GlobalDefaults(ECR, "eu-west-1", null, "dev,prod", "http://127.0.0.1:5000", 7)
                .withControllerIdentityAllowed(true);

        RegistryTarget t = resolver(defaults).resolve(new EcrParameters(), "ecrState");

        assertEquals(ECR, t.repository().toString());
        assertEquals(EnvironmentChain.parse("dev,prod"), t.chain());
        assertEquals(Optional.of("eu-west-1"), t.options().region());
        assertEquals(Optional.of("http://127.0.0.1:5000"), t.options().endpointUrl());
        assertEquals(Duration.ofSeconds(7), t.options().timeout());
        assertEquals(Optional.empty(), t.options().accessKeyId());
    }

    @Test
    public void resolve_whenStepGivesValues_theyWinOverTheDefaults() throws Exception {
        GlobalDefaults defaults = new GlobalDefaults(OCI, "eu-west-1", null, "dev,prod", null, 0).withControllerIdentityAllowed(true);

        RegistryTarget t = resolver(defaults).resolve(new EcrParameters(ECR, null, "us-east-2", "arn:aws:iam::123456789012:role/r",
                "testing,production"), "ecrPromote");

        assertEquals(ECR, t.repository().toString());
        assertEquals(EnvironmentChain.parse("testing,production"), t.chain());
        assertEquals(Optional.of("us-east-2"), t.options().region());
        assertEquals(Optional.of("arn:aws:iam::123456789012:role/r"), t.options().roleArn());
        assertEquals(Duration.ofSeconds(GlobalDefaults.DEFAULT_TIMEOUT_SECONDS), t.options().timeout());
    }

    @Test
    public void resolve_withoutAnyChain_usesTestingStagingProduction() throws Exception {
        RegistryTarget t = resolver(GlobalDefaults.NONE).resolve(new EcrParameters(OCI, null, null, null, null), "s");
        assertEquals(EnvironmentChain.DEFAULT, t.chain());
    }

    @Test
    public void resolve_withAwsCredentials_setsTheKeysTheCredentialResolves() throws Exception {
        store.put("ecr-key", TestCredentials.aws("ecr-key"));

        RegistryOptions o = resolver(GlobalDefaults.NONE).resolve(new EcrParameters(ECR, "ecr-key", null, null, null), "s").options();

        assertEquals(Optional.of("AKIAIOSFODNN7EXAMPLE"), o.accessKeyId());
        assertEquals(Optional.of(TestCredentials.SECRET_KEY), o.secretAccessKey());
        assertEquals(Optional.empty(), o.sessionToken());
        assertEquals(Optional.empty(), o.roleArn());
    }

    @Test
    public void resolve_withAwsCredentialsThatAssumeTheirOwnRole_passesTheSessionToken() throws Exception {
        store.put("ecr-role", TestCredentials.aws("ecr-role",
                AwsSessionCredentials.create("ASIAEXAMPLE", "temp-secret", "temp-token")));

        RegistryOptions o = resolver(GlobalDefaults.NONE).resolve(new EcrParameters(ECR, "ecr-role", null, null, null), "s").options();

        assertEquals(Optional.of("ASIAEXAMPLE"), o.accessKeyId());
        assertEquals(Optional.of("temp-token"), o.sessionToken());
    }

    @Test
    public void resolve_whenStepNamesARole_itIsAssumedOnTopOfTheCredentials() throws Exception {
        store.put("ecr-key", TestCredentials.aws("ecr-key"));

        RegistryOptions o = resolver(GlobalDefaults.NONE).resolve(
                new EcrParameters(ECR, "ecr-key", null, "arn:aws:iam::123456789012:role/from-step", null), "s").options();

        assertEquals(Optional.of("AKIAIOSFODNN7EXAMPLE"), o.accessKeyId());
        assertEquals(Optional.of("arn:aws:iam::123456789012:role/from-step"), o.roleArn());
    }

    @Test
    public void resolve_whenAwsCredentialsCannotResolve_abortsNamingThem() {
        AmazonWebServicesCredentials broken = TestCredentials.aws("broken");
        when(broken.resolveCredentials(null)).thenThrow(new IllegalStateException("Access denied to assume role x"));
        store.put("broken", broken);
        AbortException e = assertThrows(AbortException.class, () -> resolver(GlobalDefaults.NONE)
                .resolve(new EcrParameters(ECR, "broken", null, null, null), "ecrPromote"));
        assertTrue(e.getMessage(), e.getMessage().contains("'broken'"));
        assertTrue(e.getMessage(), e.getMessage().contains("Access denied to assume role x"));
    }

    @Test
    public void resolve_withGlobalCredentialsId_looksItUp() throws Exception {
        store.put("global-key", TestCredentials.aws("global-key"));
        GlobalDefaults defaults = new GlobalDefaults(ECR, null, "global-key", null, null, 30);

        RegistryOptions o = resolver(defaults).resolve(new EcrParameters(), "s").options();

        assertEquals(Optional.of("AKIAIOSFODNN7EXAMPLE"), o.accessKeyId());
    }

    @Test
    public void resolve_withUsernamePassword_setsBasicAuthForAnOciRegistry() throws Exception {
        store.put("harbor", TestCredentials.userPass("harbor"));

        RegistryOptions o = resolver(GlobalDefaults.NONE).resolve(new EcrParameters(OCI, "harbor", null, null, null), "s").options();

        assertEquals(Optional.of("robot"), o.username());
        assertEquals(Optional.of(TestCredentials.PASSWORD), o.password());
        assertEquals(Optional.empty(), o.accessKeyId());
    }

    @Test
    public void resolve_withoutAnyCredentials_whenControllerIdentityAllowed_leavesAuthToTheDefaultChain() throws Exception {
        RegistryOptions o = resolver(GlobalDefaults.NONE.withControllerIdentityAllowed(true))
                .resolve(new EcrParameters(ECR, null, null, null, null), "s").options();

        assertEquals(Optional.empty(), o.accessKeyId());
        assertEquals(Optional.empty(), o.username());
        assertEquals(Optional.empty(), o.roleArn());
        assertTrue(o.ambientCredentialsAllowed());
    }

    @Test
    public void resolve_whenCredentialsIdUnknown_abortsNamingTheIdAndWhereToFixIt() {
        AbortException e = assertThrows(AbortException.class, () -> resolver(GlobalDefaults.NONE)
                .resolve(new EcrParameters(ECR, "no-such-id", null, null, null), "ecrPromote"));
        assertTrue(e.getMessage(), e.getMessage().contains("'no-such-id'"));
        assertTrue(e.getMessage(), e.getMessage().contains("Check credentialsId: in ecrPromote"));
        assertTrue(e.getMessage(), e.getMessage().contains("Manage Jenkins -> Credentials"));
    }

    @Test
    public void resolve_whenGlobalCredentialsIdUnknown_pointsAtTheSystemPage() {
        GlobalDefaults defaults = new GlobalDefaults(ECR, null, "gone", null, null, 30);
        AbortException e = assertThrows(AbortException.class,
                () -> resolver(defaults).resolve(new EcrParameters(), "ecrState"));
        assertTrue(e.getMessage(), e.getMessage().contains("the default credentials in Manage Jenkins -> System -> ECR Promotion"));
    }

    @Test
    public void resolve_whenCredentialsOfAnotherKind_abortsNamingTheKindsItTakes() {
        store.put("ssh", mock(StandardCredentials.class));
        AbortException e = assertThrows(AbortException.class, () -> resolver(GlobalDefaults.NONE)
                .resolve(new EcrParameters(ECR, "ssh", null, null, null), "ecrPromote"));
        assertTrue(e.getMessage(), e.getMessage().contains("\"AWS Credentials\""));
        assertTrue(e.getMessage(), e.getMessage().contains("\"Username with password\""));
    }

    @Test
    public void resolve_whenAwsKeyGivenForAnOciRegistry_aborts() {
        store.put("ecr-key", TestCredentials.aws("ecr-key"));
        AbortException e = assertThrows(AbortException.class, () -> resolver(GlobalDefaults.NONE)
                .resolve(new EcrParameters(OCI, "ecr-key", null, null, null), "ecrPromote"));
        assertTrue(e.getMessage(), e.getMessage().contains("fits only Amazon ECR repositories"));
    }

    @Test
    public void resolve_whenPasswordGivenForEcr_aborts() {
        store.put("harbor", TestCredentials.userPass("harbor"));
        AbortException e = assertThrows(AbortException.class, () -> resolver(GlobalDefaults.NONE)
                .resolve(new EcrParameters(ECR, "harbor", null, null, null), "ecrPromote"));
        assertTrue(e.getMessage(), e.getMessage().contains("fits only OCI registries other than Amazon ECR"));
    }

    @Test
    public void resolve_whenStepEnvironmentsInvalid_abortsNamingTheParameter() {
        AbortException e = assertThrows(AbortException.class, () -> resolver(GlobalDefaults.NONE)
                .resolve(new EcrParameters(ECR, null, null, null, "testing,testing"), "ecrPromote"));
        assertTrue(e.getMessage(), e.getMessage().endsWith("Fix environments: in ecrPromote."));
    }

    @Test
    public void resolve_whenGlobalEnvironmentsInvalid_pointsAtTheSystemPage() {
        GlobalDefaults defaults = new GlobalDefaults(ECR, null, null, "Bad Name!", null, 30);
        AbortException e = assertThrows(AbortException.class,
                () -> resolver(defaults).resolve(new EcrParameters(), "ecrPromote"));
        assertTrue(e.getMessage(), e.getMessage().endsWith("Fix the environment chain in Manage Jenkins -> System -> ECR Promotion."));
    }

    @Test
    public void resolve_whenRepositoryMalformed_abortsNamingTheParameter() {
        AbortException e = assertThrows(AbortException.class, () -> resolver(GlobalDefaults.NONE)
                .resolve(new EcrParameters("https://not a repo", null, null, null, null), "ecrState"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("Tried to read the repository"));
        assertTrue(e.getMessage(), e.getMessage().endsWith("Check repository: in ecrState."));
    }

    @Test
    public void resolvedTarget_neverShowsSecretsInItsText() throws Exception {
        store.put("ecr-key", TestCredentials.aws("ecr-key"));
        RegistryTarget t = resolver(GlobalDefaults.NONE).resolve(new EcrParameters(ECR, "ecr-key", null, null, null), "s");

        assertFalse(t.toString(), t.toString().contains(TestCredentials.SECRET_KEY));
        assertEquals("error: ****", t.redact("error: " + TestCredentials.SECRET_KEY));
    }
}
