package io.jenkins.plugins.ecrpromotion.credentials;

import io.jenkins.plugins.ecrpromotion.Messages;
import io.jenkins.plugins.ecrpromotion.EcrParameters;

import hudson.AbortException;
import hudson.ProxyConfiguration;
import hudson.util.Secret;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * Jenkins' HTTP proxy (Manage Jenkins -> System -> HTTP Proxy Configuration) as the backends'
 * {@link RegistryOptions.Proxy}: host, port, user and password, and the "No Proxy Host" list, split and matched the
 * way Jenkins itself does ({@code *} wildcards; spaces, commas, bars or new lines between names).
 */
public final class ProxySettings {
    /** Where an admin sets the proxy, for error messages. */
    static final String PROXY_PAGE = Messages.Proxy_Page();

    private ProxySettings() {
    }

    /** The proxy Jenkins is configured with, or {@code null} for direct connections. */
    public static RegistryOptions.Proxy current() throws AbortException {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        return jenkins == null ? null : of(jenkins.getProxy());
    }

    /**
     * Maps Jenkins' configuration; {@code null} (no configuration, or no host) means direct connections.
     *
     * @throws AbortException when the configured port cannot be a port (the message names the page, never the password)
     */
    public static RegistryOptions.Proxy of(ProxyConfiguration config) throws AbortException {
        if (config == null || config.getName() == null || config.getName().isBlank()) {
            return null;
        }
        String host = config.getName().trim();
        int port = config.getPort();
        if (port < 1 || port > 65535) {
            throw new AbortException(Messages.Proxy_BadPort(host, String.valueOf(port), PROXY_PAGE));
        }
        String user = EcrParameters.blankToNull(config.getUserName());
        Secret secret = config.getSecretPassword();
        String password = user == null || secret == null ? null : secret.getPlainText();
        return new RegistryOptions.Proxy(host, port, user, password, noProxyHosts(config.getNoProxyHost()));
    }

    /** Jenkins' own split ({@code ProxyConfiguration.getNoProxyHostPatterns}): spaces, tabs, new lines, commas, bars. */
    static List<String> noProxyHosts(String text) {
        List<String> hosts = new ArrayList<>();
        if (text != null) {
            for (String s : text.split("[ \t\n\r,|]+")) {
                if (!s.isEmpty()) {
                    hosts.add(s);
                }
            }
        }
        return hosts;
    }
}
