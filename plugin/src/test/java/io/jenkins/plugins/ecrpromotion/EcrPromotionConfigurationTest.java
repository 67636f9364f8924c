package io.jenkins.plugins.ecrpromotion;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.spy;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import hudson.Extension;
import hudson.model.Descriptor.FormException;
import hudson.util.FormValidation;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.junit.Test;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;
import org.mockito.ArgumentMatchers;

public class EcrPromotionConfigurationTest {
    private final EcrPromotionConfiguration config = new EcrPromotionConfiguration();

    @Test
    public void annotations_makeItAnExtensionWithTheCascSymbolEcrPromotion() throws Exception {
        assertNotNull(EcrPromotionConfiguration.class.getAnnotation(Extension.class));
        assertArrayEquals(new String[] {"ecrPromotion"}, EcrPromotionConfiguration.class.getAnnotation(Symbol.class).value());
        for (String p : new String[] {"DefaultRepository", "Region", "CredentialsId", "Environments", "EndpointUrl"}) {
            assertNotNull(p, EcrPromotionConfiguration.class.getMethod("set" + p, String.class).getAnnotation(DataBoundSetter.class));
        }
        assertNotNull(EcrPromotionConfiguration.class.getMethod("setTimeoutSeconds", int.class).getAnnotation(DataBoundSetter.class));
    }

    @Test
    public void setters_storeValuesBlanksAsNullAndFeedTheDefaults() {
        config.setDefaultRepository(" registry.example.com/a/b ");
        config.setRegion("");
        config.setCredentialsId("ecr");
        config.setEnvironments("dev,prod");
        config.setEndpointUrl("http://127.0.0.1:5000");
        config.setTimeoutSeconds(12);

        assertEquals("registry.example.com/a/b", config.getDefaultRepository());
        assertNull(config.getRegion());
        assertEquals(new GlobalDefaults("registry.example.com/a/b", null, "ecr", "dev,prod", "http://127.0.0.1:5000", 12),
                config.toDefaults());
    }

    @Test
    public void timeout_whenNotPositive_fallsBackTo30() {
        config.setTimeoutSeconds(0);
        assertEquals(30, config.getTimeoutSeconds());
    }

    @Test
    public void doCheckEnvironments_acceptsAChainAndExplainsAWrongOne() {
        assertEquals(FormValidation.Kind.OK, config.doCheckEnvironments("testing,staging,production").kind);
        assertEquals(FormValidation.Kind.OK, config.doCheckEnvironments("").kind);
        FormValidation bad = config.doCheckEnvironments("testing,testing");
        assertEquals(FormValidation.Kind.ERROR, bad.kind);
        assertTrue(bad.getMessage(), bad.getMessage().contains("testing"));
    }

    @Test
    public void doCheckDefaultRepositoryAndTimeout_rejectNonsense() {
        assertEquals(FormValidation.Kind.OK, config.doCheckDefaultRepository(TargetResolverTest.ECR).kind);
        assertEquals(FormValidation.Kind.ERROR, config.doCheckDefaultRepository("https://no such thing").kind);
        assertEquals(FormValidation.Kind.OK, config.doCheckTimeoutSeconds("10").kind);
        assertEquals(FormValidation.Kind.ERROR, config.doCheckTimeoutSeconds("-1").kind);
        assertEquals(FormValidation.Kind.ERROR, config.doCheckTimeoutSeconds("ten").kind);
    }

    @Test
    public void configure_clearsThenBindsTheForm() throws Exception {
        config.setRegion("eu-west-1");
        StaplerRequest2 req = mock(StaplerRequest2.class);
        // Stapler calls the data-bound setters for the fields present in the form
        doAnswer(inv -> {
            ((EcrPromotionConfiguration) inv.getArgument(0)).setEnvironments("dev,prod");
            return null;
        }).when(req).bindJSON(any(Object.class), ArgumentMatchers.<JSONObject>any());

        // json-lib needs commons-lang at run time, which the surface does not bring: the mocked request ignores it
        assertTrue(config.configure(req, null));

        assertEquals("dev,prod", config.getEnvironments());
        assertNull("a field absent from the form is cleared", config.getRegion());
    }

    @Test
    public void configure_whenChainInvalid_failsOnTheEnvironmentsField() {
        StaplerRequest2 req = mock(StaplerRequest2.class);
        doAnswer(inv -> {
            ((EcrPromotionConfiguration) inv.getArgument(0)).setEnvironments("a,a");
            return null;
        }).when(req).bindJSON(any(Object.class), ArgumentMatchers.<JSONObject>any());

        FormException e = assertThrows(FormException.class, () -> config.configure(req, null));
        assertTrue(e.getMessage(), e.getMessage().contains("environment chain"));
    }

    @Test
    public void adminSwitches_areOffByDefault_dataBound_andReachTheDefaults() throws Exception {
        assertFalse(config.isAllowControllerIdentity());
        assertFalse(config.isAllowOnDiskLayouts());
        assertFalse(config.toDefaults().controllerIdentityAllowed());
        assertFalse(config.toDefaults().onDiskLayoutsAllowed());
        for (String p : new String[] {"AllowControllerIdentity", "AllowOnDiskLayouts"}) {
            assertNotNull(p, EcrPromotionConfiguration.class.getMethod("set" + p, boolean.class).getAnnotation(DataBoundSetter.class));
        }
        config.setAllowControllerIdentity(true);
        config.setAllowOnDiskLayouts(true);
        assertTrue(config.toDefaults().controllerIdentityAllowed());
        assertTrue(config.toDefaults().onDiskLayoutsAllowed());
    }

    @Test
    public void configure_uncheckedSwitchesAreAbsentFromTheForm_andTurnOff() throws Exception {
        config.setAllowControllerIdentity(true);
        config.setAllowOnDiskLayouts(true);
        StaplerRequest2 req = mock(StaplerRequest2.class);
        assertTrue(config.configure(req, null));
        assertFalse(config.isAllowControllerIdentity());
        assertFalse(config.isAllowOnDiskLayouts());
    }

    @Test
    public void configure_whenValid_savesOnceAfterBinding() throws Exception {
        EcrPromotionConfiguration spied = spy(new EcrPromotionConfiguration());
        StaplerRequest2 req = mock(StaplerRequest2.class);
        doAnswer(inv -> {
            EcrPromotionConfiguration c = inv.getArgument(0);
            c.setEnvironments("dev,prod");
            c.setAllowControllerIdentity(true);
            return null;
        }).when(req).bindJSON(any(Object.class), ArgumentMatchers.<JSONObject>any());

        assertTrue(spied.configure(req, null));

        verify(spied, times(1)).save();
        assertTrue(spied.isAllowControllerIdentity());
    }

    @Test
    public void configure_whenChainInvalid_savesNothingAndKeepsThePreviousValues() throws Exception {
        EcrPromotionConfiguration spied = spy(new EcrPromotionConfiguration());
        spied.setEnvironments("testing,production");
        spied.setRegion("eu-west-1");
        spied.setAllowOnDiskLayouts(true);
        clearInvocations(spied);
        StaplerRequest2 req = mock(StaplerRequest2.class);
        doAnswer(inv -> {
            EcrPromotionConfiguration c = inv.getArgument(0);
            c.setRegion("us-east-1");
            c.setEnvironments("a,a");
            return null;
        }).when(req).bindJSON(any(Object.class), ArgumentMatchers.<JSONObject>any());

        assertThrows(FormException.class, () -> spied.configure(req, null));

        verify(spied, never()).save();
        assertEquals("testing,production", spied.getEnvironments());
        assertEquals("eu-west-1", spied.getRegion());
        assertTrue(spied.isAllowOnDiskLayouts());
    }

    @Test
    public void configure_whenDefaultRepositoryInvalid_isRefusedOnThatField() {
        StaplerRequest2 req = mock(StaplerRequest2.class);
        doAnswer(inv -> {
            ((EcrPromotionConfiguration) inv.getArgument(0)).setDefaultRepository("https://no such thing");
            return null;
        }).when(req).bindJSON(any(Object.class), ArgumentMatchers.<JSONObject>any());

        assertThrows(FormException.class, () -> config.configure(req, null));
        assertNull(config.getDefaultRepository());
    }
}
