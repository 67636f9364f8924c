package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/** Compile-only copy of the real {@code com.cloudbees.plugins.credentials.CredentialsMatcher} signature (credentials 1502). */
public interface CredentialsMatcher extends Serializable {
    boolean matches(Credentials item);
}
