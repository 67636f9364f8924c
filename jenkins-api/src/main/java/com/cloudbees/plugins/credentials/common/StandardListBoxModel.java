package com.cloudbees.plugins.credentials.common;

/** Compile-only copy of the real {@code com.cloudbees.plugins.credentials.common.StandardListBoxModel} signature (credentials 1502). */
public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {
    private static final long serialVersionUID = 1L;

    @Override
    protected String describe(StandardCredentials c) {
        throw new UnsupportedOperationException();
    }
}
