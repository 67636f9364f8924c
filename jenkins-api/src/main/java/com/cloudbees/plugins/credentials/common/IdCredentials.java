package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/** Compile-only copy of the real {@code com.cloudbees.plugins.credentials.common.IdCredentials} signature (credentials 1502). */
public interface IdCredentials extends Credentials {
    String getId();
}
