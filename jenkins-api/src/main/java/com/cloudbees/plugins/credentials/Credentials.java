package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Run;
import java.io.Serializable;

/** Compile-only copy of the real {@code com.cloudbees.plugins.credentials.Credentials} signature (credentials 1502). */
public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {
    CredentialsScope getScope();

    @Override
    CredentialsDescriptor getDescriptor();

    default Credentials forRun(Run<?, ?> context) {
        return this;
    }
}
