package com.cloudbees.jenkins.plugins.awscredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Compile-only copy of the real {@code com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials}
 * signature (aws-credentials 262.v0efb_28f71f94): the "AWS Credentials" kind. The real interface also extends the
 * SDK v1 {@code com.amazonaws.auth.AWSCredentialsProvider} (and has the deprecated v1 {@code getCredentials(String)});
 * the plugin uses neither, so they are left out (omitting an interface is allowed). {@code resolveCredentials()}
 * without arguments comes from the SDK v2 {@link AwsCredentialsProvider}.
 * surface:partial (used, never implemented by the plugin)
 */
public interface AmazonWebServicesCredentials extends StandardCredentials, AwsCredentialsProvider {
    long serialVersionUID = -8931505925778535681L;

    String getDisplayName();

    /** The keys, after the credential's own role assumption (role ARN, external ID, duration) with this MFA token. */
    AwsCredentials resolveCredentials(String mfaToken);
}
