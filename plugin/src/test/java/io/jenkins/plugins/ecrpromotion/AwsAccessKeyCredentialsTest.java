package io.jenkins.plugins.ecrpromotion;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.Extension;
import hudson.util.FormValidation;
import hudson.util.Secret;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import org.jenkinsci.Symbol;
import org.junit.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

public class AwsAccessKeyCredentialsTest {

    @Test
    public void constructor_isDataBoundWithTheFormsFieldNames() throws Exception {
        Constructor<AwsAccessKeyCredentials> c = AwsAccessKeyCredentials.class.getConstructor(CredentialsScope.class,
                String.class, String.class, String.class, Secret.class);
        assertNotNull(c.getAnnotation(DataBoundConstructor.class));
        // Stapler binds by parameter name: the plugin is compiled with -parameters
        assertEquals(List.of("scope", "id", "description", "accessKeyId", "secretAccessKey"),
                Arrays.stream(c.getParameters()).map(Parameter::getName).toList());
        assertNotNull(AwsAccessKeyCredentials.class.getMethod("setRoleArn", String.class).getAnnotation(DataBoundSetter.class));
        assertNotNull(AwsAccessKeyCredentials.class.getMethod("setExternalId", String.class).getAnnotation(DataBoundSetter.class));
    }

    @Test
    public void getters_giveWhatWasBound() {
        AwsAccessKeyCredentials c = TestCredentials.aws("ecr");
        c.setRoleArn(" ");
        c.setExternalId("ext");
        assertEquals("ecr", c.getId());
        assertEquals("ECR promoter", c.getDescription());
        assertEquals(CredentialsScope.GLOBAL, c.getScope());
        assertEquals("AKIAIOSFODNN7EXAMPLE", c.getAccessKeyId());
        assertEquals(TestCredentials.SECRET_KEY, c.getSecretAccessKey().getPlainText());
        assertNull(c.getRoleArn());
        assertEquals("ext", c.getExternalId());
    }

    @Test
    public void toString_neverShowsTheSecret() {
        AwsAccessKeyCredentials c = TestCredentials.aws("ecr");
        assertFalse(c.toString(), c.toString().contains(TestCredentials.SECRET_KEY));
        assertTrue(c.toString(), c.toString().contains("secretAccessKey=****"));
    }

    @Test
    public void descriptor_isTheAwsAccessKeyKind() {
        AwsAccessKeyCredentials.DescriptorImpl d = new AwsAccessKeyCredentials.DescriptorImpl();
        assertEquals("AWS access key", d.getDisplayName());
        assertEquals(AwsAccessKeyCredentials.class, d.clazz);
        assertNotNull(AwsAccessKeyCredentials.DescriptorImpl.class.getAnnotation(Extension.class));
        assertEquals("awsAccessKey", AwsAccessKeyCredentials.DescriptorImpl.class.getAnnotation(Symbol.class).value()[0]);
    }

    @Test
    public void descriptorChecks_flagMissingKeyAndMalformedRole() {
        AwsAccessKeyCredentials.DescriptorImpl d = new AwsAccessKeyCredentials.DescriptorImpl();
        assertEquals(FormValidation.Kind.ERROR, d.doCheckAccessKeyId("").kind);
        assertEquals(FormValidation.Kind.OK, d.doCheckAccessKeyId("AKIAIOSFODNN7EXAMPLE").kind);
        assertEquals(FormValidation.Kind.WARNING, d.doCheckAccessKeyId("not-a-key").kind);
        assertEquals(FormValidation.Kind.OK, d.doCheckRoleArn("arn:aws:iam::123456789012:role/ecr-promoter").kind);
        assertEquals(FormValidation.Kind.OK, d.doCheckRoleArn("").kind);
        assertEquals(FormValidation.Kind.ERROR, d.doCheckRoleArn("ecr-promoter").kind);
    }
}
