package com.cloudbees.plugins.credentials.common;

/** Compile-only copy of the real {@code com.cloudbees.plugins.credentials.common.StandardCredentials} signature (credentials 1502). */
public interface StandardCredentials extends IdCredentials {
    String getDescription();
}
