package com.cloudbees.jenkins.plugins.awscredentials;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;

/**
 * Compile-only copy of the real {@code com.cloudbees.jenkins.plugins.awscredentials.BaseAmazonWebServicesCredentials}
 * signature (aws-credentials 262.v0efb_28f71f94), the superclass of {@link AWSCredentialsImpl}.
 * surface:partial (used, never extended by the plugin)
 */
public abstract class BaseAmazonWebServicesCredentials extends BaseStandardCredentials implements AmazonWebServicesCredentials {
    public BaseAmazonWebServicesCredentials(CredentialsScope scope, String id, String description) {
        super(scope, id, description);
    }
}
