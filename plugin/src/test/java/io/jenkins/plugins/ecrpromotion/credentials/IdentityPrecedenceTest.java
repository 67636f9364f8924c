package io.jenkins.plugins.ecrpromotion.credentials;

import io.jenkins.plugins.ecrpromotion.EcrParameters;
import io.jenkins.plugins.ecrpromotion.registry.RegistryTarget;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * Which identity and settings a step gets: its credentialsId, then the step environment (withAWS,
 * withCredentials([aws(...)])), then the global default credentials, then, only if an administrator allows it, the
 * controller's own identity. And the two administrator switches, off and on.
 */
public class IdentityPrecedenceTest {
    private static final String ECR = TargetResolverTest.ECR;
    private static final String OCI = TargetResolverTest.OCI;
    private static final String SESSION = "team-ecs-demo-11";

    private final Map<String, StandardCredentials> store = new HashMap<>();
    private final Map<String, String> env = new HashMap<>();

    public IdentityPrecedenceTest() {
        store.put("step-aws", TestCredentials.aws("step-aws", AwsBasicCredentials.create("AKIASTEP", "step-secret")));
        store.put("global-aws", TestCredentials.aws("global-aws", AwsBasicCredentials.create("AKIAGLOBAL", "global-secret")));
        store.put("harbor", TestCredentials.userPass("harbor"));
    }

    private RegistryOptions resolve(GlobalDefaults defaults, EcrParameters params) throws AbortException {
        return new TargetResolver(defaults, store::get).resolve(params, "ecrPromote", AwsEnvironment.of(env), SESSION)
                .options();
    }

    private static EcrParameters ecr(String credentialsId) {
        return new EcrParameters(ECR, credentialsId, null, null, null);
    }

    private static GlobalDefaults globalCredentials(String id) {
        return new GlobalDefaults(null, null, id, null, null, 30);
    }

    private void withAwsKeys() {
        env.put("AWS_ACCESS_KEY_ID", "ASIAENV");
        env.put("AWS_SECRET_ACCESS_KEY", "env-secret");
        env.put("AWS_SESSION_TOKEN", "env-token");
    }

    @Test
    public void stepCredentialsId_winsOverTheStepEnvironmentAndTheDefault() throws Exception {
        withAwsKeys();
        RegistryOptions o = resolve(globalCredentials("global-aws"), ecr("step-aws"));
        assertEquals(Optional.of("AKIASTEP"), o.accessKeyId());
        assertEquals(Optional.empty(), o.sessionToken());
    }

    @Test
    public void stepEnvironmentKeys_winOverTheGlobalDefault_withTheirSessionToken() throws Exception {
        withAwsKeys();
        RegistryOptions o = resolve(globalCredentials("global-aws"), ecr(null));
        assertEquals(Optional.of("ASIAENV"), o.accessKeyId());
        assertEquals(Optional.of("env-secret"), o.secretAccessKey());
        assertEquals(Optional.of("env-token"), o.sessionToken());
    }

    @Test
    public void globalDefault_appliesWhenTheStepHasNeitherIdNorKeys() throws Exception {
        RegistryOptions o = resolve(globalCredentials("global-aws"), ecr(null));
        assertEquals(Optional.of("AKIAGLOBAL"), o.accessKeyId());
        assertFalse(o.ambientCredentialsAllowed());
    }

    @Test
    public void nothingGiven_controllerIdentityOff_refusesNamingWhereToAllowIt() {
        AbortException e = assertThrows(AbortException.class, () -> resolve(GlobalDefaults.NONE, ecr(null)));
        assertTrue(e.getMessage(), e.getMessage().contains("controller's own AWS identity is not allowed"));
        assertTrue(e.getMessage(), e.getMessage().contains("Manage Jenkins -> System -> ECR Promotion"));
        assertTrue(e.getMessage(), e.getMessage().contains("withAWS"));
    }

    @Test
    public void nothingGiven_controllerIdentityOn_leavesItToTheDefaultChain() throws Exception {
        RegistryOptions o = resolve(GlobalDefaults.NONE.withControllerIdentityAllowed(true), ecr(null));
        assertEquals(Optional.empty(), o.accessKeyId());
        assertTrue(o.ambientCredentialsAllowed());
    }

    @Test
    public void awsProfile_controllerIdentityOff_isRefused() {
        env.put("AWS_PROFILE", "prod");
        AbortException e = assertThrows(AbortException.class, () -> resolve(globalCredentials("global-aws"), ecr(null)));
        assertTrue(e.getMessage(), e.getMessage().contains("AWS profile 'prod'"));
        assertTrue(e.getMessage(), e.getMessage().contains("Manage Jenkins -> System -> ECR Promotion"));
    }

    @Test
    public void awsProfile_controllerIdentityOn_isUsedBeforeTheGlobalDefault() throws Exception {
        env.put("AWS_PROFILE", "prod");
        RegistryOptions o = resolve(globalCredentials("global-aws").withControllerIdentityAllowed(true), ecr(null));
        assertEquals(Optional.of("prod"), o.awsProfile());
        assertEquals(Optional.empty(), o.accessKeyId());
    }

    @Test
    public void awsKeys_winOverAwsProfile() throws Exception {
        withAwsKeys();
        env.put("AWS_PROFILE", "prod");
        RegistryOptions o = resolve(GlobalDefaults.NONE, ecr(null));
        assertEquals(Optional.of("ASIAENV"), o.accessKeyId());
        assertEquals(Optional.empty(), o.awsProfile());
    }

    @Test
    public void onlyOneKeyVariable_isRefused() {
        env.put("AWS_ACCESS_KEY_ID", "AKIAHALF");
        AbortException e = assertThrows(AbortException.class, () -> resolve(GlobalDefaults.NONE, ecr(null)));
        assertTrue(e.getMessage(), e.getMessage().contains("only one of AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"));
    }

    @Test
    public void region_theStepsWinsAndTheEnvironmentsNeverOverridesTheRegionAnEcrHostNames() throws Exception {
        withAwsKeys();
        GlobalDefaults defaults = new GlobalDefaults(null, null, null, null, null, 30);
        env.put("AWS_DEFAULT_REGION", "eu-central-1");
        env.put("AWS_REGION", "eu-west-1");
        // withAWS(region: 'eu-west-1') around a step for a us-east-1 repository: the host's region is used.
        assertEquals(Optional.empty(), resolve(defaults, ecr(null)).region());
        assertEquals(Optional.of("us-east-2"), resolve(defaults, new EcrParameters(ECR, null, "us-east-2", null, null)).region());
    }

    @Test
    public void endpoint_ecrSpecificThenGeneralThenGlobal() throws Exception {
        withAwsKeys();
        GlobalDefaults defaults = new GlobalDefaults(null, null, null, null, "https://vpce.example.com", 30);
        assertEquals(Optional.of("https://vpce.example.com"), resolve(defaults, ecr(null)).endpointUrl());
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:5000");
        assertEquals(Optional.of("http://127.0.0.1:5000"), resolve(defaults, ecr(null)).endpointUrl());
        env.put("AWS_ENDPOINT_URL_ECR", "http://127.0.0.1:5001");
        assertEquals(Optional.of("http://127.0.0.1:5001"), resolve(defaults, ecr(null)).endpointUrl());
    }

    @Test
    public void stepRole_isAssumedOnTopOfTheEnvironmentKeys_withTheSessionName() throws Exception {
        withAwsKeys();
        RegistryOptions o = resolve(GlobalDefaults.NONE,
                new EcrParameters(ECR, null, null, "arn:aws:iam::123456789012:role/promoter", null));
        assertEquals(Optional.of("ASIAENV"), o.accessKeyId());
        assertEquals(Optional.of("arn:aws:iam::123456789012:role/promoter"), o.roleArn());
        assertEquals(SESSION, o.roleSessionName());
    }

    @Test
    public void awsEnvironment_isIgnoredForOtherRegistries_whichUseTheirDefaultCredentials() throws Exception {
        withAwsKeys();
        RegistryOptions o = resolve(globalCredentials("harbor"), new EcrParameters(OCI, null, null, null, null));
        assertEquals(Optional.of("robot"), o.username());
        assertEquals(Optional.empty(), o.accessKeyId());
    }

    @Test
    public void otherRegistryWithoutCredentials_isAnonymous_andNeverReadsTheDockerConfigUnlessAllowed() throws Exception {
        EcrParameters oci = new EcrParameters(OCI, null, null, null, null);
        assertFalse(resolve(GlobalDefaults.NONE, oci).ambientCredentialsAllowed());
        assertEquals(Optional.empty(), resolve(GlobalDefaults.NONE, oci).username());
        assertTrue(resolve(GlobalDefaults.NONE.withControllerIdentityAllowed(true), oci).ambientCredentialsAllowed());
    }

    @Test
    public void onDiskLayout_switchOff_isRefusedNamingWhereToAllowIt() {
        AbortException e = assertThrows(AbortException.class,
                () -> resolve(GlobalDefaults.NONE, new EcrParameters("oci:/tmp/layout", null, null, null, null)));
        assertTrue(e.getMessage(), e.getMessage().contains("on-disk layouts"));
        assertTrue(e.getMessage(), e.getMessage().contains("allow on-disk OCI layouts in Manage Jenkins -> System -> ECR Promotion"));
    }

    @Test
    public void onDiskLayout_switchOn_isAccepted() throws Exception {
        RegistryTarget t = new TargetResolver(GlobalDefaults.NONE.withOnDiskLayoutsAllowed(true), store::get)
                .resolve(new EcrParameters("oci:/tmp/layout", null, null, null, null), "ecrState");
        assertTrue(t.repository().toString(), t.repository().toString().contains("layout"));
    }

    @Test
    public void awsEnvironment_readsTheVariablesAndNeverShowsSecrets() {
        Map<String, String> vars = new HashMap<>();
        vars.put("AWS_ACCESS_KEY_ID", "AKIA1");
        vars.put("AWS_SECRET_ACCESS_KEY", "s3cr3t");
        vars.put("AWS_SESSION_TOKEN", "t0k3n");
        vars.put("AWS_DEFAULT_REGION", "us-west-2");
        vars.put("AWS_PROFILE", " ");
        AwsEnvironment e = AwsEnvironment.of(vars);
        assertEquals(new AwsEnvironment("AKIA1", "s3cr3t", "t0k3n", "us-west-2", null, null), e);
        assertFalse(e.toString(), e.toString().contains("s3cr3t"));
        assertFalse(e.toString(), e.toString().contains("t0k3n"));
        assertEquals(AwsEnvironment.NONE, AwsEnvironment.of(null));
    }

    @Test
    public void awsCredentialsWithoutAnAccessKey_wouldBeTheControllersIdentity_andAreRefusedUnlessAllowed() throws Exception {
        // aws-credentials resolves a credential with an empty key (and maybe a role) through the SDK default chain.
        com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl keyless =
                org.mockito.Mockito.mock(com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl.class);
        org.mockito.Mockito.when(keyless.getAccessKey()).thenReturn("");
        org.mockito.Mockito.when(keyless.getId()).thenReturn("folder-keyless");
        org.mockito.Mockito.when(keyless.resolveCredentials(org.mockito.ArgumentMatchers.any()))
                .thenReturn(AwsBasicCredentials.create("AKIACONTROLLER", "controller-secret"));
        store.put("folder-keyless", keyless);
        AbortException e = assertThrows(AbortException.class, () -> resolve(GlobalDefaults.NONE, ecr("folder-keyless")));
        assertTrue(e.getMessage(), e.getMessage().contains("no access key"));
        assertTrue(e.getMessage(), e.getMessage().contains("controller's own AWS identity"));
        org.mockito.Mockito.verify(keyless, org.mockito.Mockito.never()).resolveCredentials(org.mockito.ArgumentMatchers.any());
        // The same credential as the global default is refused too; with the switch on, it is used.
        assertThrows(AbortException.class, () -> resolve(globalCredentials("folder-keyless"), ecr(null)));
        assertEquals(Optional.of("AKIACONTROLLER"),
                resolve(GlobalDefaults.NONE.withControllerIdentityAllowed(true), ecr("folder-keyless")).accessKeyId());
    }

    @Test
    public void buildPage_forABuildWhoseStepUsedWithAws_refusesRatherThanActWithAnotherIdentity() throws Exception {
        EcrParameters recorded = ecr(null).withStepEnvironmentIdentity(true);
        AbortException e = assertThrows(AbortException.class, () -> new TargetResolver(
                globalCredentials("global-aws").withControllerIdentityAllowed(true), store::get)
                .resolve(recorded, "the build page", AwsEnvironment.NONE, "user-alice"));
        assertTrue(e.getMessage(), e.getMessage().contains("withAWS"));
        assertTrue(e.getMessage(), e.getMessage().contains("credentialsId:"));
        // A build that named its credentials keeps working from the page.
        assertEquals(Optional.of("AKIASTEP"), new TargetResolver(GlobalDefaults.NONE, store::get)
                .resolve(ecr("step-aws").withStepEnvironmentIdentity(false), "the build page", AwsEnvironment.NONE,
                        "user-alice").options().accessKeyId());
    }
}
