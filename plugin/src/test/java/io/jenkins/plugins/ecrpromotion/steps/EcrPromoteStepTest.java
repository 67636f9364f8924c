package io.jenkins.plugins.ecrpromotion.steps;

import io.jenkins.plugins.ecrpromotion.EcrParameters;
import io.jenkins.plugins.ecrpromotion.EcrPromotionAction;
import io.jenkins.plugins.ecrpromotion.HistoryEntry;
import io.jenkins.plugins.ecrpromotion.ImageRecord;
import io.jenkins.plugins.ecrpromotion.credentials.TestCredentials;

import static io.jenkins.plugins.ecrpromotion.steps.StepFixture.REPO;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.RegistryException;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

public class EcrPromoteStepTest {
    private static final String B11 = PromoteStepLogicTest.B11;
    private static final String B12 = PromoteStepLogicTest.B12;

    private final RawManifest m11 = SyntheticImage.dockerV2("build 11").manifest();
    private final RawManifest m12 = SyntheticImage.dockerV2("build 12").manifest();
    private StepFixture f;

    @Before
    public void setUp() throws Exception {
        f = new StepFixture();
        f.registry.seed(B11, m11).seed("staging", m11).seed(B12, m12).seed("testing", m12);
    }

    @After
    public void tearDown() {
        f.close();
    }

    private static EcrPromoteStep step(String from, String to) {
        EcrPromoteStep s = new EcrPromoteStep(to);
        s.setRepository(REPO);
        s.setFrom(from);
        return s;
    }

    private LinkedHashMap<String, Object> run(EcrPromoteStep step) throws Exception {
        return ((EcrPromoteStep.Execution) step.start(f.context)).run();
    }

    @Test
    public void descriptor_isEcrPromoteNeedingRunListenerAndEnvironment() {
        EcrPromoteStep.DescriptorImpl d = new EcrPromoteStep.DescriptorImpl();
        assertEquals("ecrPromote", d.getFunctionName());
        assertEquals(Set.of(Run.class, TaskListener.class, EnvVars.class), d.getRequiredContext());
        assertTrue(d.getDisplayName().startsWith("Promote"));
        assertNotNull(EcrPromoteStep.DescriptorImpl.class.getAnnotation(Extension.class));
    }

    @Test
    public void binding_takesTheRequiredToInTheConstructorAndASetterPerOptionalParameter() throws Exception {
        // ecrPromote('production') and the Snippet Generator need the one required parameter in the constructor.
        assertNotNull(EcrPromoteStep.class.getConstructor(String.class).getAnnotation(DataBoundConstructor.class));
        assertEquals(1, EcrPromoteStep.class.getConstructors().length);
        assertEquals("to", EcrPromoteStep.class.getConstructor(String.class).getParameters()[0].getName());
        assertThrows(NoSuchMethodException.class, () -> EcrPromoteStep.class.getMethod("setTo", String.class));
        for (String p : List.of("Repository", "From", "BuildTag", "Digest", "CredentialsId", "Region", "RoleArn",
                "Environments")) {
            assertNotNull(p, EcrPromoteStep.class.getMethod("set" + p, String.class).getAnnotation(DataBoundSetter.class));
        }
        assertNotNull(EcrPromoteStep.class.getMethod("setDryRun", boolean.class).getAnnotation(DataBoundSetter.class));
        EcrPromoteStep s = step("testing", "staging");
        s.setBuildTag(B11);
        s.setDigest(" ");
        s.setCredentialsId("ecr");
        s.setRegion("us-east-1");
        s.setRoleArn("arn:aws:iam::123456789012:role/r");
        s.setEnvironments("testing,staging");
        assertEquals("staging", s.getTo());
        assertEquals("testing", s.getFrom());
        assertEquals(B11, s.getBuildTag());
        assertEquals(null, s.getDigest());
        assertEquals(new EcrParameters(REPO, "ecr", "us-east-1", "arn:aws:iam::123456789012:role/r", "testing,staging"),
                s.parameters());
    }

    @Test
    public void run_promotesAndReturnsASerializableMap() throws Exception {
        LinkedHashMap<String, Object> r = run(step("testing", "staging"));

        assertEquals(m12.digest(), f.registry.resolve(ImageRef.of(Tag.of("staging"))).orElseThrow());
        assertEquals("staging", r.get("environment"));
        assertEquals(B12, r.get("buildTag"));
        assertEquals(B11, r.get("previousBuildTag"));
        assertEquals(Boolean.TRUE, r.get("changed"));
        // Pipeline (CPS) persists step results: the map must serialize
        new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(r);
        assertEquals(1, f.log().lines().count());
    }

    @Test
    public void run_appendsHistoryAndRecordsTheImageOnTheBuild() throws Exception {
        run(step("testing", "staging"));

        EcrPromotionAction action = f.attachedAction();
        assertEquals(new ImageRecord(REPO, B12, m12.digest().toString()), action.getImage(REPO));
        HistoryEntry h = action.getHistory().get(0);
        assertEquals("run team » ecs-demo #11", h.getActor());
        assertEquals("staging", h.getEnvironment());
        assertEquals(B11, h.getFromBuildTag());
        assertEquals(B12, h.getToBuildTag());
        assertEquals("promoted", h.getResult());
    }

    @Test
    public void run_dryRun_writesNothingRecordsNoImageButKeepsHistory() throws Exception {
        EcrPromoteStep s = step("testing", "staging");
        s.setDryRun(true);

        run(s);

        assertEquals(0, f.registry.calls("putManifest"));
        EcrPromotionAction action = f.attachedAction();
        assertTrue(action.getImages().isEmpty());
        assertEquals("dry run", action.getHistory().get(0).getResult());
    }

    @Test
    public void run_whenNoSourceGiven_aborts() {
        AbortException e = assertThrows(AbortException.class, () -> run(step(null, "staging")));
        assertTrue(e.getMessage(), e.getMessage().contains("name exactly one of from:"));
        assertTrue(e.getMessage(), e.getMessage().contains("Check the parameters of ecrPromote"));
    }

    @Test
    public void run_whenEnvironmentUnknown_abortsAndWritesNothing() {
        AbortException e = assertThrows(AbortException.class, () -> run(step("testing", "qa")));
        assertTrue(e.getMessage(), e.getMessage().contains("'qa'"));
        assertEquals(0, f.registry.calls("putManifest"));
    }

    @Test
    public void run_whenCredentialsIdUnknown_abortsNamingTheId() {
        EcrPromoteStep s = step("testing", "staging");
        s.setCredentialsId("typo-id");
        AbortException e = assertThrows(AbortException.class, () -> run(s));
        assertTrue(e.getMessage(), e.getMessage().contains("'typo-id'"));
        assertTrue(e.getMessage(), e.getMessage().contains("Check credentialsId: in ecrPromote"));
        assertEquals(null, f.openedWith.get());
    }

    @Test
    public void run_withKnownCredentials_tracksTheirUseOnTheRun() throws Exception {
        AmazonWebServicesCredentials aws = TestCredentials.aws("ecr");
        f.credentials.put("ecr", aws);
        EcrPromoteStep s = step("testing", "staging");
        s.setCredentialsId("ecr");

        run(s);

        f.verifyTracked(aws);
        assertEquals("AKIAIOSFODNN7EXAMPLE", f.openedWith.get().accessKeyId().orElseThrow());
    }

    @Test
    public void run_insideWithAws_usesTheStepEnvironmentsKeys_andNamesTheStsSessionAfterTheBuild() throws Exception {
        f.env.put("AWS_SESSION_TOKEN", "withAWS-token");
        f.env.put("AWS_REGION", "us-east-1");

        run(step("testing", "staging"));

        assertEquals(StepFixture.ENV_KEY_ID, f.openedWith.get().accessKeyId().orElseThrow());
        assertEquals("withAWS-token", f.openedWith.get().sessionToken().orElseThrow());
        assertEquals("team-ecs-demo-11", f.openedWith.get().roleSessionName());
        assertFalse(f.openedWith.get().ambientCredentialsAllowed());
        // The image is recorded as reached with the step's environment, so the build page will not stand in another.
        assertTrue(f.attachedAction().getImages().get(0).toParameters().isStepEnvironmentIdentity());
    }

    @Test
    public void run_withoutAnyCredentials_isRefusedUnlessTheControllerIdentityIsAllowed() throws Exception {
        f.env.clear();
        AbortException e = assertThrows(AbortException.class, () -> run(step("testing", "staging")));
        assertTrue(e.getMessage(), e.getMessage().contains("controller's own AWS identity is not allowed"));
        assertEquals(null, f.openedWith.get());

        f.config.setAllowControllerIdentity(true);
        run(step("testing", "staging"));
        assertTrue(f.openedWith.get().ambientCredentialsAllowed());
    }

    @Test
    public void run_recordsTheStepsRegistrySettingsSoTheBuildPageUsesThem() throws Exception {
        f.credentials.put("ecr", TestCredentials.aws("ecr"));
        EcrPromoteStep s = step("testing", "staging");
        s.setCredentialsId("ecr");
        s.setRegion("eu-west-1");
        s.setEnvironments("testing,staging,production");

        run(s);

        EcrParameters recorded = f.attachedAction().getImage(REPO).toParameters();
        assertEquals(REPO, recorded.getRepository());
        assertEquals("ecr", recorded.getCredentialsId());
        assertEquals("eu-west-1", recorded.getRegion());
        assertEquals("testing,staging,production", recorded.getEnvironments());
    }

    @Test
    public void run_whenRepositoryNotFound_abortsWithOneLineAndTheFix() {
        f.opener = (repo, options) -> {
            throw new RegistryException(RegistryException.Reason.NOT_FOUND,
                    "Tried to open " + repo + " but failed because the repository does not exist");
        };
        AbortException e = assertThrows(AbortException.class, () -> run(step("testing", "staging")));
        assertEquals("Tried to open " + REPO + " but failed because the repository does not exist. Check repository: "
                + "(and region:) in ecrPromote or the default registry in Manage Jenkins -> System -> ECR Promotion.",
                e.getMessage());
    }

    @Test
    public void run_whenTheRegistryEchoesTheSecret_itIsMaskedInTheAbortMessage() {
        f.credentials.put("ecr", TestCredentials.aws("ecr"));
        f.opener = (repo, options) -> {
            throw new RegistryException(RegistryException.Reason.AUTH, "Tried to open " + repo
                    + " but failed because the registry said: bad signature for " + options.secretAccessKey().orElseThrow());
        };
        EcrPromoteStep s = step("testing", "staging");
        s.setCredentialsId("ecr");

        AbortException e = assertThrows(AbortException.class, () -> run(s));
        assertFalse(e.getMessage(), e.getMessage().contains(TestCredentials.SECRET_KEY));
        assertTrue(e.getMessage(), e.getMessage().contains("bad signature for ****"));
        assertFalse(f.log(), f.log().contains(TestCredentials.SECRET_KEY));
    }

    @Test
    public void run_whenNoRepositoryAnywhere_abortsPointingAtTheSystemPage() {
        EcrPromoteStep s = step("testing", "staging");
        s.setRepository(null);
        AbortException e = assertThrows(AbortException.class, () -> run(s));
        assertTrue(e.getMessage(), e.getMessage().contains("set repository: in ecrPromote or a default registry in Manage Jenkins -> System"));
    }

    @Test
    public void run_withoutRepository_usesTheGlobalDefault() throws Exception {
        f.config.setDefaultRepository(REPO);
        EcrPromoteStep s = step("testing", "staging");
        s.setRepository(null);

        assertEquals(REPO, run(s).get("repository"));
    }

    @Test
    public void run_whenTheRegistryEchoesTheCredentialsInItsError_noFormOfThemReachesTheBuild() throws Exception {
        // A registry (or proxy) that echoes the request's Authorization header and the password in its error body.
        String basic = java.util.Base64.getEncoder().encodeToString(("robot:" + TestCredentials.PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String body = "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"you sent Authorization: Basic " + basic
                + " and the password " + TestCredentials.PASSWORD + "\"}]}";
        try (io.github.ecrpromotion.testkit.RegistryFront front = io.github.ecrpromotion.testkit.RegistryFront.start(
                java.net.URI.create("http://127.0.0.1:1"))) {
            front.answerInstead(r -> true, 403, "application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            f.credentials.put("harbor", TestCredentials.userPass("harbor"));
            f.opener = (repo, options) -> new io.github.ecrpromotion.oci.http.OciRegistry(repo, options);
            EcrPromoteStep s = step("testing", "staging");
            s.setRepository(front.repository("demo/app"));
            s.setCredentialsId("harbor");
            hudson.AbortException e = assertThrows(hudson.AbortException.class, () -> run(s));
            String everything = e.getMessage() + "\n" + f.log();
            assertFalse(everything, everything.contains(TestCredentials.PASSWORD));
            assertFalse(everything, everything.contains(basic));
            assertTrue(everything, everything.contains("DENIED"));
        }
    }
}
