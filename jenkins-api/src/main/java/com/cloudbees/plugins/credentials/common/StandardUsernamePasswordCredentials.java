package com.cloudbees.plugins.credentials.common;

/** Compile-only copy of the real {@code com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials} signature (credentials 1502). */
public interface StandardUsernamePasswordCredentials extends StandardUsernameCredentials, UsernamePasswordCredentials {
}
