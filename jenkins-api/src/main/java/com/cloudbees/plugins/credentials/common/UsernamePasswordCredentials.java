package com.cloudbees.plugins.credentials.common;

/** Compile-only copy of the real {@code com.cloudbees.plugins.credentials.common.UsernamePasswordCredentials} signature (credentials 1502). */
public interface UsernamePasswordCredentials extends UsernameCredentials, PasswordCredentials {
}
