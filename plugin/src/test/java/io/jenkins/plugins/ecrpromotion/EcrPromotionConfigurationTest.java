package io.jenkins.plugins.ecrpromotion;

import io.jenkins.plugins.ecrpromotion.credentials.GlobalDefaults;
import io.jenkins.plugins.ecrpromotion.credentials.TargetResolverTest;

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
    public void setTimeoutSeconds_outside1To600_isRefusedAndKeepsThePreviousValue() {
        config.setTimeoutSeconds(600);
        config.setTimeoutSeconds(1);
        for (int bad : new int[] {0, -1, 601, Integer.MAX_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config.setTimeoutSeconds(bad));
            assertTrue(e.getMessage(), e.getMessage().contains("timeoutSeconds") && e.getMessage().contains("1 to 600"));
        }
        assertEquals(1, config.getTimeoutSeconds());
    }

    /** Configuration as Code calls the setters one by one: each refuses a bad value before storing or saving it. */
    @Test
    public void setters_fromConfigurationAsCode_refuseInvalidValuesBeforeStoringOrSaving() throws Exception {
        EcrPromotionConfiguration spied = spy(new EcrPromotionConfiguration());
        spied.setEndpointUrl("https://vpce-1.api.ecr.us-east-1.vpce.amazonaws.com");
        spied.setRegion("eu-west-1");
        spied.setEnvironments("dev,prod");
        spied.setDefaultRepository(TargetResolverTest.ECR);
        clearInvocations(spied);

        for (String url : new String[] {"file:///etc/passwd", "ftp://x", "http://", "https:///path", "127.0.0.1:5000",
                "http://user:pw@registry.example", "not a url"}) {
            IllegalArgumentException e = assertThrows(url, IllegalArgumentException.class, () -> spied.setEndpointUrl(url));
            assertTrue(e.getMessage(), e.getMessage().startsWith("ecrPromotion endpointUrl: "));
            assertFalse("no secret echoed: " + e.getMessage(), e.getMessage().contains("pw"));
        }
        for (String region : new String[] {"US-EAST-1", "useast1", "us-east", "eu-west-1a", "us east 1", "x"}) {
            IllegalArgumentException e = assertThrows(region, IllegalArgumentException.class, () -> spied.setRegion(region));
            assertTrue(e.getMessage(), e.getMessage().contains("us-east-1"));
        }
        assertThrows(IllegalArgumentException.class, () -> spied.setEnvironments("a,a"));
        assertThrows(IllegalArgumentException.class, () -> spied.setDefaultRepository("https://no such thing"));

        verify(spied, never()).save();
        assertEquals("https://vpce-1.api.ecr.us-east-1.vpce.amazonaws.com", spied.getEndpointUrl());
        assertEquals("eu-west-1", spied.getRegion());
        assertEquals("dev,prod", spied.getEnvironments());
        assertEquals(TargetResolverTest.ECR, spied.getDefaultRepository());
    }

    @Test
    public void setRegion_acceptsEveryAwsPartitionsShape() {
        for (String region : new String[] {"us-east-1", "eu-central-2", "ap-southeast-7", "us-gov-west-1", "cn-north-1",
                "us-iso-east-1", "us-isob-east-1", "eu-isoe-west-1", "mx-central-1", "il-central-1"}) {
            config.setRegion(region);
            assertEquals(region, config.getRegion());
        }
    }

    @Test
    public void setEndpointUrl_acceptsHttpAndHttpsWithAHost() {
        for (String url : new String[] {"http://127.0.0.1:5000", "https://api.ecr.us-east-1.amazonaws.com",
                "HTTPS://vpce-0123-abcd.api.ecr.us-east-1.vpce.amazonaws.com/", "http://[::1]:4566"}) {
            config.setEndpointUrl(url);
            assertEquals(url, config.getEndpointUrl());
        }
    }

    /** An oci: default needs the switch; the setters refuse what is wrong whatever order CasC sets them in. */
    @Test
    public void onDiskDefault_fromConfigurationAsCode_inEitherOrder() {
        String oci = "oci:/var/lib/layouts/app";
        // switch first, then the default: fine
        config.setAllowOnDiskLayouts(true);
        config.setDefaultRepository(oci);
        // switching layouts off under an oci: default is refused, the switch stays on
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config.setAllowOnDiskLayouts(false));
        assertTrue(e.getMessage(), e.getMessage().contains("allowOnDiskLayouts"));
        assertTrue(config.isAllowOnDiskLayouts());

        // default first, then the switch (CasC's order is not set): accepted, so a valid file applies either way
        EcrPromotionConfiguration other = new EcrPromotionConfiguration();
        other.setDefaultRepository(oci);
        other.setAllowOnDiskLayouts(true);
        assertEquals(oci, other.getDefaultRepository());
    }

    @Test
    public void configure_whenOnDiskDefaultWithoutTheSwitch_isRefusedOnTheDefaultRepositoryField() throws Exception {
        EcrPromotionConfiguration spied = spy(new EcrPromotionConfiguration());
        StaplerRequest2 req = mock(StaplerRequest2.class);
        doAnswer(inv -> {
            ((EcrPromotionConfiguration) inv.getArgument(0)).setDefaultRepository("oci:/var/lib/layouts/app");
            return null;
        }).when(req).bindJSON(any(Object.class), ArgumentMatchers.<JSONObject>any());

        FormException e = assertThrows(FormException.class, () -> spied.configure(req, null));

        assertEquals("defaultRepository", e.getFormField());
        assertTrue(e.getMessage(), e.getMessage().contains("Allow on-disk OCI layouts"));
        verify(spied, never()).save();
        assertNull(spied.getDefaultRepository());

        doAnswer(inv -> {
            EcrPromotionConfiguration c = inv.getArgument(0);
            c.setDefaultRepository("oci:/var/lib/layouts/app");
            c.setAllowOnDiskLayouts(true);
            return null;
        }).when(req).bindJSON(any(Object.class), ArgumentMatchers.<JSONObject>any());
        assertTrue(spied.configure(req, null));
        assertEquals("oci:/var/lib/layouts/app", spied.getDefaultRepository());
    }

    @Test
    public void configure_whenASetterRefusesAField_failsOnThatFieldAndSavesNothing() throws Exception {
        String[][] cases = {{"endpointUrl", "file:///etc/passwd"}, {"region", "Europe"}, {"timeoutSeconds", "601"}};
        for (String[] c : cases) {
            EcrPromotionConfiguration spied = spy(new EcrPromotionConfiguration());
            spied.setRegion("eu-west-1");
            clearInvocations(spied);
            StaplerRequest2 req = mock(StaplerRequest2.class);
            doAnswer(inv -> {
                EcrPromotionConfiguration conf = inv.getArgument(0);
                conf.setEnvironments("dev,prod");
                switch (c[0]) {
                    case "endpointUrl" -> conf.setEndpointUrl(c[1]);
                    case "region" -> conf.setRegion(c[1]);
                    default -> conf.setTimeoutSeconds(Integer.parseInt(c[1]));
                }
                return null;
            }).when(req).bindJSON(any(Object.class), ArgumentMatchers.<JSONObject>any());

            FormException e = assertThrows(c[0], FormException.class, () -> spied.configure(req, null));

            assertEquals(c[0], e.getFormField());
            verify(spied, never()).save();
            assertEquals(c[0], "eu-west-1", spied.getRegion());
            assertNull(c[0], spied.getEnvironments());
        }
    }

    @Test
    public void doCheckRegionEndpointAndTimeout_sayWhatIsValid() {
        assertEquals(FormValidation.Kind.OK, config.doCheckRegion("").kind);
        assertEquals(FormValidation.Kind.OK, config.doCheckRegion("us-gov-west-1").kind);
        FormValidation region = config.doCheckRegion("Frankfurt");
        assertEquals(FormValidation.Kind.ERROR, region.kind);
        assertTrue(region.getMessage(), region.getMessage().contains("eu-central-1"));

        assertEquals(FormValidation.Kind.OK, config.doCheckEndpointUrl(" ").kind);
        assertEquals(FormValidation.Kind.OK, config.doCheckEndpointUrl("https://api.ecr.eu-west-1.amazonaws.com").kind);
        for (String bad : new String[] {"file:///etc/passwd", "ftp://x", "http://"}) {
            FormValidation v = config.doCheckEndpointUrl(bad);
            assertEquals(bad, FormValidation.Kind.ERROR, v.kind);
            assertTrue(v.getMessage(), v.getMessage().contains("http:// or https://"));
        }

        assertEquals(FormValidation.Kind.OK, config.doCheckTimeoutSeconds("600").kind);
        FormValidation timeout = config.doCheckTimeoutSeconds("601");
        assertEquals(FormValidation.Kind.ERROR, timeout.kind);
        assertTrue(timeout.getMessage(), timeout.getMessage().contains("1 to 600"));
    }

    @Test
    public void doCheckDefaultRepository_refusesAnOnDiskLayoutUnlessAllowed() {
        assertEquals(FormValidation.Kind.ERROR, config.doCheckDefaultRepository("oci:/srv/app", false).kind);
        assertEquals(FormValidation.Kind.OK, config.doCheckDefaultRepository("oci:/srv/app", true).kind);
        assertEquals(FormValidation.Kind.OK, config.doCheckDefaultRepository("", false).kind);
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
        assertEquals(FormValidation.Kind.OK, config.doCheckDefaultRepository(TargetResolverTest.ECR, false).kind);
        assertEquals(FormValidation.Kind.ERROR, config.doCheckDefaultRepository("https://no such thing", false).kind);
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
