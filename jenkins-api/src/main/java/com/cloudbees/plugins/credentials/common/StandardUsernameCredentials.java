package com.cloudbees.plugins.credentials.common;

/** Compile-only copy of the real {@code com.cloudbees.plugins.credentials.common.StandardUsernameCredentials} signature (credentials 1502). */
public interface StandardUsernameCredentials extends StandardCredentials, UsernameCredentials {
}
