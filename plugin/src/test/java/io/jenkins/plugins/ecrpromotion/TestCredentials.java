package io.jenkins.plugins.ecrpromotion;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.util.Secret;

/** Credentials for tests: {@link Secret} is final and needs Jenkins' key, so it is a Mockito mock here. */
final class TestCredentials {
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String PASSWORD = "s3cr3t-Passw0rd!";

    private TestCredentials() {
    }

    static Secret secret(String plain) {
        Secret s = mock(Secret.class);
        when(s.getPlainText()).thenReturn(plain);
        when(s.toString()).thenReturn("****");
        return s;
    }

    static AwsAccessKeyCredentials aws(String id) {
        return new AwsAccessKeyCredentials(CredentialsScope.GLOBAL, id, "ECR promoter", "AKIAIOSFODNN7EXAMPLE",
                secret(SECRET_KEY));
    }

    static StandardUsernamePasswordCredentials userPass(String id) {
        StandardUsernamePasswordCredentials c = mock(StandardUsernamePasswordCredentials.class);
        when(c.getId()).thenReturn(id);
        when(c.getUsername()).thenReturn("robot");
        Secret p = secret(PASSWORD);
        when(c.getPassword()).thenReturn(p);
        return c;
    }
}
