package io.github.ecrpromotion.oci.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** The decisions of the OCI backend's proxy selector and proxy credentials, one by one. */
public class ProxyRoutingTest {
    private static final RegistryOptions.Proxy PROXY = new RegistryOptions.Proxy("proxy.corp", 3128, "alice", "s3cret",
            List.of("*.internal.corp", "registry.local", "10.0.*"));

    private static InetSocketAddress address(List<Proxy> route) {
        assertEquals(1, route.size());
        return (InetSocketAddress) route.get(0).address();
    }

    @Test
    public void selector_sendsOtherHostsAndLoopbackThroughTheProxy() {
        ProxySelector s = ProxyRouting.selector(PROXY);
        for (String uri : List.of("https://registry-1.docker.io/v2/", "https://ghcr.io/token?scope=x",
                "http://127.0.0.1:5000/v2/", "http://localhost:5000/v2/")) {
            List<Proxy> route = s.select(URI.create(uri));
            assertEquals(uri, Proxy.Type.HTTP, route.get(0).type());
            assertEquals(uri, "proxy.corp", address(route).getHostString());
            assertEquals(uri, 3128, address(route).getPort());
        }
    }

    @Test
    public void selector_sendsNoProxyHostsDirect() {
        ProxySelector s = ProxyRouting.selector(PROXY);
        for (String uri : List.of("https://harbor.internal.corp/v2/", "https://REGISTRY.local/v2/", "http://10.0.3.4:5000/v2/")) {
            assertEquals(uri, List.of(Proxy.NO_PROXY), s.select(URI.create(uri)));
        }
        assertEquals("the suffix pattern does not match the bare domain", Proxy.Type.HTTP,
                s.select(URI.create("https://internal.corp/v2/")).get(0).type());
    }

    private static RegistryOptions withProxy(RegistryOptions.Proxy p) {
        return RegistryOptions.builder().proxy(p).build();
    }

    @Test
    public void proxyAuthorization_isBasicWithTheProxysCredentials_forProxiedHosts() {
        String expected = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.of(expected),
                ProxyRouting.proxyAuthorization(URI.create("https://registry-1.docker.io/v2/"), withProxy(PROXY)));
        assertEquals("token requests too", Optional.of(expected),
                ProxyRouting.proxyAuthorization(URI.create("https://auth.docker.io/token?scope=x"), withProxy(PROXY)));
    }

    @Test
    public void proxyAuthorization_isAbsent_forNoProxyHostsOrWithoutProxyCredentials() {
        assertEquals(Optional.empty(),
                ProxyRouting.proxyAuthorization(URI.create("https://harbor.internal.corp/v2/"), withProxy(PROXY)));
        RegistryOptions.Proxy open = new RegistryOptions.Proxy("proxy.corp", 3128, null, null, List.of());
        assertEquals(Optional.empty(),
                ProxyRouting.proxyAuthorization(URI.create("https://ghcr.io/v2/"), withProxy(open)));
        assertEquals(Optional.empty(),
                ProxyRouting.proxyAuthorization(URI.create("https://ghcr.io/v2/"), RegistryOptions.defaults()));
    }

    @Test
    public void descriptions_neverShowThePassword() {
        assertFalse(PROXY.toString().contains("s3cret"));
        assertFalse(ProxyRouting.selector(PROXY).toString().contains("s3cret"));
        assertFalse(withProxy(PROXY).toString().contains("s3cret"));
    }
}
