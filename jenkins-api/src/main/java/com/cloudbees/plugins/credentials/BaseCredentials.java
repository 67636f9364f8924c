package com.cloudbees.plugins.credentials;

/**
 * Compile-only copy of the real {@code com.cloudbees.plugins.credentials.BaseCredentials} signature
 * (credentials 1502). Keeps its scope so credentials types can be built in unit tests.
 */
public class BaseCredentials implements Credentials {
    private static final long serialVersionUID = 1L;

    private final CredentialsScope scope;

    protected BaseCredentials() {
        this.scope = null;
    }

    public BaseCredentials(CredentialsScope scope) {
        this.scope = scope;
    }

    @Override
    public CredentialsScope getScope() {
        return scope;
    }

    @Override
    public CredentialsDescriptor getDescriptor() {
        throw new UnsupportedOperationException();
    }
}
