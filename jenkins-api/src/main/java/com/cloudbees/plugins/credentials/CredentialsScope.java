package com.cloudbees.plugins.credentials;

/**
 * Compile-only copy of the real {@code com.cloudbees.plugins.credentials.CredentialsScope} signature
 * (credentials 1502; the per-constant getDisplayName()/isVisible() are left out).
 * surface:partial (used, never implemented by the plugin)
 */
public enum CredentialsScope {
    GLOBAL,
    SYSTEM,
    USER
}
