package io.jenkins.plugins.ecrpromotion.credentials;

import io.jenkins.plugins.ecrpromotion.EcrParameters;
import io.jenkins.plugins.ecrpromotion.registry.RegistryTarget;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import hudson.AbortException;
import hudson.ProxyConfiguration;
import hudson.util.Secret;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** Jenkins' proxy configuration (mocked against the surface) mapped to the backends' proxy, and handed to targets. */
public class ProxySettingsTest {
    private static final String PASSWORD = "proxy-Pa55-never-shown";

    private static ProxyConfiguration jenkinsProxy(String host, int port, String user, String password, String noProxy) {
        ProxyConfiguration c = mock(ProxyConfiguration.class);
        when(c.getName()).thenReturn(host);
        when(c.getPort()).thenReturn(port);
        when(c.getUserName()).thenReturn(user);
        if (password != null) {
            Secret s = mock(Secret.class);
            when(s.getPlainText()).thenReturn(password);
            when(c.getSecretPassword()).thenReturn(s);
        }
        when(c.getNoProxyHost()).thenReturn(noProxy);
        return c;
    }

    @Test
    public void of_withHostPortUserPasswordAndNoProxyHosts_mapsEveryField() throws Exception {
        RegistryOptions.Proxy p = ProxySettings.of(jenkinsProxy(" proxy.corp ", 3128, "alice", PASSWORD,
                "*.internal.corp, registry.local|10.0.*\n\tlocalhost  127.0.0.1"));

        assertEquals("proxy.corp", p.host());
        assertEquals(3128, p.port());
        assertEquals("alice", p.username());
        assertEquals(PASSWORD, p.password());
        assertEquals(List.of("*.internal.corp", "registry.local", "10.0.*", "localhost", "127.0.0.1"), p.noProxyHosts());
        assertTrue(p.bypasses("harbor.internal.corp"));
        assertTrue(p.bypasses("10.0.8.1"));
        assertFalse(p.bypasses("123456789012.dkr.ecr.us-east-1.amazonaws.com"));
    }

    @Test
    public void of_withoutConfigurationOrHost_meansDirect() throws Exception {
        assertNull(ProxySettings.of(null));
        assertNull(ProxySettings.of(jenkinsProxy(null, 3128, null, null, null)));
        assertNull(ProxySettings.of(jenkinsProxy("  ", 3128, null, null, null)));
    }

    @Test
    public void of_withoutUser_sendsNoCredentialsEvenIfAPasswordIsStored() throws Exception {
        RegistryOptions.Proxy p = ProxySettings.of(jenkinsProxy("proxy.corp", 8080, " ", PASSWORD, null));
        assertNull(p.username());
        assertNull(p.password());
        assertEquals(List.of(), p.noProxyHosts());
    }

    @Test
    public void of_withUserButNoPassword_keepsTheUser() throws Exception {
        RegistryOptions.Proxy p = ProxySettings.of(jenkinsProxy("proxy.corp", 8080, "alice", null, ""));
        assertEquals("alice", p.username());
        assertNull(p.password());
    }

    @Test
    public void of_withImpossiblePort_abortsNamingTheProxyPageButNotThePassword() {
        AbortException e = assertThrows(AbortException.class,
                () -> ProxySettings.of(jenkinsProxy("proxy.corp", 0, "alice", PASSWORD, null)));
        assertTrue(e.getMessage(), e.getMessage().contains("Manage Jenkins -> System -> HTTP Proxy Configuration"));
        assertFalse(e.getMessage(), e.getMessage().contains(PASSWORD));
    }

    @Test
    public void resolve_withJenkinsProxy_putsItIntoTheOptionsWithoutShowingThePassword() throws Exception {
        RegistryOptions.Proxy p = ProxySettings.of(jenkinsProxy("proxy.corp", 3128, "alice", PASSWORD, "*.corp"));
        RegistryTarget t = new TargetResolver(GlobalDefaults.NONE.withControllerIdentityAllowed(true), id -> null).withProxy(p)
                .resolve(new EcrParameters(TargetResolverTest.ECR, null, null, null, null), "ecrPromote");

        assertEquals(Optional.of(p), t.options().proxy());
        assertFalse(t.options().toString(), t.options().toString().contains(PASSWORD));
        assertTrue(t.options().toString(), t.options().toString().contains("proxy.corp:3128"));
    }

    @Test
    public void resolve_withoutProxy_connectsDirectly() throws Exception {
        RegistryTarget t = new TargetResolver(GlobalDefaults.NONE, id -> null)
                .resolve(new EcrParameters(TargetResolverTest.OCI, null, null, null, null), "ecrPromote");
        assertEquals(Optional.empty(), t.options().proxy());
    }
}
