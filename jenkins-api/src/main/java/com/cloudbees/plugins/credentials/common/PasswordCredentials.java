package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import hudson.util.Secret;

/** Compile-only copy of the real {@code com.cloudbees.plugins.credentials.common.PasswordCredentials} signature (credentials 1502). */
public interface PasswordCredentials extends Credentials {
    Secret getPassword();
}
