package hudson;

import hudson.util.Secret;

/**
 * Compile-only copy of the real {@code hudson.ProxyConfiguration} signature (Jenkins core 2.541.1): the HTTP proxy
 * an admin sets in Manage Jenkins (host, port, user, password, no-proxy hosts). Only the getters the plugin reads.
 * surface:partial (used, never extended by the plugin)
 */
public final class ProxyConfiguration {
    private ProxyConfiguration() {
    }

    /** The proxy host. */
    public String getName() {
        throw new UnsupportedOperationException();
    }

    public int getPort() {
        throw new UnsupportedOperationException();
    }

    public String getUserName() {
        throw new UnsupportedOperationException();
    }

    public Secret getSecretPassword() {
        throw new UnsupportedOperationException();
    }

    /** Hosts reached directly: names with {@code *} wildcards, separated by spaces, commas, bars or new lines. */
    public String getNoProxyHost() {
        throw new UnsupportedOperationException();
    }
}
