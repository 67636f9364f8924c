package com.cloudbees.plugins.credentials;

import hudson.model.Descriptor;

/** Compile-only copy of the real {@code com.cloudbees.plugins.credentials.CredentialsDescriptor} signature (credentials 1502). */
public abstract class CredentialsDescriptor extends Descriptor<Credentials> {
    protected CredentialsDescriptor(Class<? extends Credentials> clazz) {
        super(clazz);
    }

    protected CredentialsDescriptor() {
    }
}
