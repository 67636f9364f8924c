package io.jenkins.plugins.ecrpromotion.steps;

import io.jenkins.plugins.ecrpromotion.EcrPromotionAction;
import io.jenkins.plugins.ecrpromotion.HistoryEntry;
import io.jenkins.plugins.ecrpromotion.ImageRecord;
import io.jenkins.plugins.ecrpromotion.credentials.TestCredentials;

import static io.jenkins.plugins.ecrpromotion.steps.StepFixture.REPO;
import static io.jenkins.plugins.ecrpromotion.steps.StepFixture.SHA;
import static io.jenkins.plugins.ecrpromotion.steps.StepFixture.TAG;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RawManifest;
import java.util.List;
import java.util.Set;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

public class EcrBuildTagStepTest {
    private StepFixture f;
    private final RawManifest pushed = SyntheticImage.dockerV2("pushed by build 11").manifest();

    @Before
    public void setUp() throws Exception {
        f = new StepFixture();
    }

    @After
    public void tearDown() {
        f.close();
    }

    private String run(EcrBuildTagStep step) throws Exception {
        return ((EcrBuildTagStep.Execution) step.start(f.context)).run();
    }

    @Test
    public void descriptor_isEcrBuildTagNeedingRunListenerAndEnvironment() throws Exception {
        EcrBuildTagStep.DescriptorImpl d = new EcrBuildTagStep.DescriptorImpl();
        assertEquals("ecrBuildTag", d.getFunctionName());
        assertEquals(Set.of(Run.class, TaskListener.class, EnvVars.class), d.getRequiredContext());
        assertTrue(d.getDisplayName().contains("Build tag"));
        assertNotNull(EcrBuildTagStep.DescriptorImpl.class.getAnnotation(Extension.class));
    }

    @Test
    public void binding_hasANoArgumentConstructorAndASetterPerParameter() throws Exception {
        assertNotNull(EcrBuildTagStep.class.getConstructor().getAnnotation(DataBoundConstructor.class));
        for (String p : List.of("GitCommit", "Repository", "Source", "Environment", "CredentialsId", "Region", "RoleArn",
                "Environments")) {
            assertNotNull(p, EcrBuildTagStep.class.getMethod("set" + p, String.class).getAnnotation(DataBoundSetter.class));
        }
        assertNotNull(EcrBuildTagStep.class.getMethod("setDryRun", boolean.class).getAnnotation(DataBoundSetter.class));

        EcrBuildTagStep step = new EcrBuildTagStep();
        step.setRepository(" " + REPO + " ");
        step.setSource("sha256:abc");
        step.setEnvironment("testing");
        step.setGitCommit("");
        step.setDryRun(true);
        assertEquals(REPO, step.getRepository());
        assertEquals("sha256:abc", step.getSource());
        assertEquals("testing", step.getEnvironment());
        assertEquals(null, step.getGitCommit());
        assertTrue(step.isDryRun());
    }

    @Test
    public void run_withGitCommitInEnvironment_returnsTheRunsBuildTag() throws Exception {
        f.env.put("GIT_COMMIT", SHA);

        assertEquals(TAG, run(new EcrBuildTagStep()));
        assertTrue(f.log(), f.log().contains("[ecrBuildTag] " + TAG));
        verify(f.run, never()).addAction(any(Action.class));
    }

    @Test
    public void run_withGitCommitParameter_itWinsOverTheEnvironment() throws Exception {
        f.env.put("GIT_COMMIT", "1111111111111111111111111111111111111111");
        EcrBuildTagStep step = new EcrBuildTagStep();
        step.setGitCommit(SHA);

        assertEquals(TAG, run(step));
    }

    @Test
    public void run_whenGitCommitMissing_abortsSayingWhatToSet() {
        AbortException e = assertThrows(AbortException.class, () -> run(new EcrBuildTagStep()));
        assertTrue(e.getMessage(), e.getMessage().contains("Set gitCommit: in ecrBuildTag or run inside a checkout that sets GIT_COMMIT"));
    }

    @Test
    public void run_whenGitCommitIsNotACommit_abortsWithTheCoreReason() {
        EcrBuildTagStep step = new EcrBuildTagStep();
        step.setGitCommit("main");
        AbortException e = assertThrows(AbortException.class, () -> run(step));
        assertTrue(e.getMessage(), e.getMessage().contains("'main' is not a commit id"));
        assertTrue(e.getMessage(), e.getMessage().contains("ecrBuildTag"));
    }

    @Test
    public void run_withRepositoryButNoSource_aborts() {
        f.env.put("GIT_COMMIT", SHA);
        EcrBuildTagStep step = new EcrBuildTagStep();
        step.setRepository(REPO);
        AbortException e = assertThrows(AbortException.class, () -> run(step));
        assertTrue(e.getMessage(), e.getMessage().contains("source: is missing"));
    }

    @Test
    public void run_withRepositoryAndSource_tagsTheImageAndRecordsItOnTheBuild() throws Exception {
        f.env.put("GIT_COMMIT", SHA);
        f.registry.seed("latest", pushed);
        EcrBuildTagStep step = new EcrBuildTagStep();
        step.setRepository(REPO);
        step.setSource(pushed.digest().toString());
        step.setEnvironment("testing");

        assertEquals(TAG, run(step));

        assertEquals(pushed.digest(), f.registry.resolve(ImageRef.of(Tag.of(TAG))).orElseThrow());
        assertEquals(pushed.digest(), f.registry.resolve(ImageRef.of(Tag.of("testing"))).orElseThrow());
        assertEquals(2, f.log().lines().filter(l -> l.startsWith("[ecrBuildTag] " + REPO)).count());
        EcrPromotionAction action = f.attachedAction();
        assertEquals(new ImageRecord(REPO, TAG, pushed.digest().toString()), action.getImage(REPO));
        assertEquals(1, action.getHistory().size());
        HistoryEntry h = action.getHistory().get(0);
        assertEquals("run team » ecs-demo #11", h.getActor());
        assertEquals("testing", h.getEnvironment());
        assertEquals(TAG, h.getToBuildTag());
        assertEquals("promoted", h.getResult());
    }

    @Test
    public void run_whenEnvironmentUnknown_abortsAndWritesNothing() {
        f.env.put("GIT_COMMIT", SHA);
        f.registry.seed("latest", pushed);
        EcrBuildTagStep step = new EcrBuildTagStep();
        step.setRepository(REPO);
        step.setSource("latest");
        step.setEnvironment("qa");

        AbortException e = assertThrows(AbortException.class, () -> run(step));
        assertTrue(e.getMessage(), e.getMessage().contains("'qa'"));
        assertEquals(0, f.registry.calls("putManifest"));
    }

    @Test
    public void run_withAwsCredentials_neverLogsTheSecret() throws Exception {
        f.env.put("GIT_COMMIT", SHA);
        f.registry.seed("latest", pushed);
        f.credentials.put("ecr", TestCredentials.aws("ecr"));
        EcrBuildTagStep step = new EcrBuildTagStep();
        step.setRepository(REPO);
        step.setSource("latest");
        step.setCredentialsId("ecr");

        run(step);

        assertEquals(TestCredentials.SECRET_KEY, f.openedWith.get().secretAccessKey().orElseThrow());
        assertFalse(f.log(), f.log().contains(TestCredentials.SECRET_KEY));
        for (HistoryEntry h : f.attachedAction().getHistory()) {
            assertFalse(h.toString().contains(TestCredentials.SECRET_KEY));
        }
    }
}
