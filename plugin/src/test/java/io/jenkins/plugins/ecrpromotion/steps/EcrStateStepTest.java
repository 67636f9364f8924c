package io.jenkins.plugins.ecrpromotion.steps;

import static io.jenkins.plugins.ecrpromotion.steps.StepFixture.REPO;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import hudson.EnvVars;
import hudson.AbortException;
import hudson.model.Action;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.RegistryException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

public class EcrStateStepTest {
    private static final String B11 = PromoteStepLogicTest.B11;
    private static final String B12 = PromoteStepLogicTest.B12;
    private StepFixture f;

    @Before
    public void setUp() throws Exception {
        f = new StepFixture();
    }

    @After
    public void tearDown() {
        f.close();
    }

    private LinkedHashMap<String, String> run(EcrStateStep step) throws Exception {
        return ((EcrStateStep.Execution) step.start(f.context)).run();
    }

    @Test
    public void descriptor_isEcrStateNeedingRunListenerAndEnvironment() throws Exception {
        EcrStateStep.DescriptorImpl d = new EcrStateStep.DescriptorImpl();
        assertEquals("ecrState", d.getFunctionName());
        assertEquals(Set.of(Run.class, TaskListener.class, EnvVars.class), d.getRequiredContext());
        assertNotNull(EcrStateStep.class.getConstructor().getAnnotation(DataBoundConstructor.class));
        for (String p : List.of("Repository", "CredentialsId", "Region", "RoleArn", "Environments")) {
            assertNotNull(p, EcrStateStep.class.getMethod("set" + p, String.class).getAnnotation(DataBoundSetter.class));
        }
    }

    @Test
    public void run_returnsEnvironmentToBuildTagAndLogsATable() throws Exception {
        RawManifest m11 = SyntheticImage.dockerV2("build 11").manifest();
        RawManifest m12 = SyntheticImage.dockerV2("build 12").manifest();
        f.registry.seed(B11, m11).seed(B12, m12).seed("testing", m12).seed("staging", m11).seed("production", m11);
        EcrStateStep s = new EcrStateStep();
        s.setRepository(REPO);

        Map<String, String> state = run(s);

        assertEquals(Map.of("testing", B12, "staging", B11, "production", B11), state);
        assertEquals(List.of("testing", "staging", "production"), List.copyOf(state.keySet()));
        assertTrue(f.log(), f.log().contains("production  | " + B11 + " | " + m11.digest().shortForm()));
        verify(f.run, never()).addAction(any(Action.class));
    }

    @Test
    public void run_withOwnChain_readsOnlyThoseEnvironments() throws Exception {
        RawManifest m = SyntheticImage.dockerV2("x").manifest();
        f.registry.seed(B12, m).seed("dev", m).seed("testing", m);
        EcrStateStep s = new EcrStateStep();
        s.setRepository(REPO);
        s.setEnvironments("dev,prod");

        assertEquals(Map.of("dev", B12), run(s));
    }

    @Test
    public void run_whenRegistryUnreachable_abortsWithTheFix() {
        f.opener = (repo, options) -> {
            throw new RegistryException(RegistryException.Reason.UNAVAILABLE, "Tried to reach x but failed because of a timeout");
        };
        EcrStateStep s = new EcrStateStep();
        s.setRepository(REPO);
        AbortException e = assertThrows(AbortException.class, () -> run(s));
        assertTrue(e.getMessage(), e.getMessage().contains("Check that the Jenkins controller can reach the registry"));
    }
}
