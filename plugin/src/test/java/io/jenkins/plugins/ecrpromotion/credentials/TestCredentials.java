package io.jenkins.plugins.ecrpromotion.credentials;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.util.Secret;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/** Credentials for tests: {@link Secret} is final and needs Jenkins' key, so it is a Mockito mock here. */
public final class TestCredentials {
    public static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public static final String PASSWORD = "s3cr3t-Passw0rd!";

    private TestCredentials() {
    }

    public static Secret secret(String plain) {
        Secret s = mock(Secret.class);
        when(s.getPlainText()).thenReturn(plain);
        when(s.toString()).thenReturn("****");
        return s;
    }

    /** "AWS Credentials" (aws-credentials) whose resolveCredentials gives long-term keys. */
    public static AmazonWebServicesCredentials aws(String id) {
        return aws(id, AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", SECRET_KEY));
    }

    /** "AWS Credentials" whose resolveCredentials gives these keys (e.g. AwsSessionCredentials after its own role). */
    public static AmazonWebServicesCredentials aws(String id, AwsCredentials keys) {
        AmazonWebServicesCredentials c = mock(AmazonWebServicesCredentials.class);
        when(c.getId()).thenReturn(id);
        when(c.resolveCredentials(null)).thenReturn(keys);
        when(c.resolveCredentials()).thenReturn(keys);
        return c;
    }

    public static StandardUsernamePasswordCredentials userPass(String id) {
        StandardUsernamePasswordCredentials c = mock(StandardUsernamePasswordCredentials.class);
        when(c.getId()).thenReturn(id);
        when(c.getUsername()).thenReturn("robot");
        Secret p = secret(PASSWORD);
        when(c.getPassword()).thenReturn(p);
        return c;
    }
}
