package com.cloudbees.jenkins.plugins.awscredentials;

import com.cloudbees.plugins.credentials.CredentialsScope;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * Compile-only copy of the real {@code com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl} signature
 * (aws-credentials 262.v0efb_28f71f94): the "AWS Credentials" the credentials form creates. The plugin reads only
 * {@link #getAccessKey()}: with none, the real class falls back to the SDK's default chain, the controller's identity.
 * surface:partial (used, never extended by the plugin)
 */
public class AWSCredentialsImpl extends BaseAmazonWebServicesCredentials {
    public AWSCredentialsImpl(CredentialsScope scope, String id, String accessKey, String secretKey, String description) {
        super(scope, id, description);
        throw new UnsupportedOperationException("compile-only surface");
    }

    public String getAccessKey() {
        throw new UnsupportedOperationException("compile-only surface");
    }

    public String getIamRoleArn() {
        throw new UnsupportedOperationException("compile-only surface");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only surface");
    }

    @Override
    public AwsCredentials resolveCredentials() {
        throw new UnsupportedOperationException("compile-only surface");
    }

    @Override
    public AwsCredentials resolveCredentials(String mfaToken) {
        throw new UnsupportedOperationException("compile-only surface");
    }
}
