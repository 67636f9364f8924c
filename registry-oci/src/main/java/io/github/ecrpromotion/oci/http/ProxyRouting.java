package io.github.ecrpromotion.oci.http;

import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Routes the registry and token requests of {@link java.net.http.HttpClient} through the configured HTTP proxy: a
 * {@link ProxySelector} that sends every host through it except the no-proxy hosts, and the proxy's credentials as a
 * {@code Proxy-Authorization} header on the requests that go through it.
 *
 * <p>Why a header and not an {@link java.net.Authenticator} (which would answer the proxy's 407 for
 * {@code RequestorType.PROXY} only): a JDK client with an authenticator drops every {@code Authorization} header the
 * caller sets, and fails a registry's {@code 401 Basic} with "No credentials provided" when the authenticator has
 * nothing for it, so {@link Auth}'s own registry credentials would stop working. The JDK sends a caller's
 * {@code Proxy-*} headers to the proxy only: in a proxied request or on a CONNECT, never straight to a server nor
 * inside a tunnel (jdk.internal.net.http.HttpConnection#headerFilter); on top of that we set it only on requests the
 * selector sends through the proxy.
 *
 * <p>Our selector is consulted for loopback hosts too (only the JDK's default selector skips them through
 * {@code http.nonProxyHosts}), so a registry on 127.0.0.1 is proxied unless it is a no-proxy host.
 *
 * <p>JDK quirk: for HTTPS registries the JDK client reaches the proxy with CONNECT, and by default it drops Basic
 * proxy credentials there ({@code jdk.http.auth.tunneling.disabledSchemes=Basic}); an authenticating proxy in front
 * of HTTPS registries needs {@code -Djdk.http.auth.tunneling.disabledSchemes=} on the JVM.
 */
final class ProxyRouting {
    private ProxyRouting() {
    }

    /** Applies {@code options}' proxy, if any, to {@code builder}; without one the client connects directly. */
    static HttpClient.Builder apply(HttpClient.Builder builder, RegistryOptions options) {
        options.proxy().ifPresent(p -> builder.proxy(selector(p)));
        return builder;
    }

    /** Adds the proxy's credentials to a request for {@code uri} when it goes through an authenticating proxy. */
    static HttpRequest.Builder authorize(HttpRequest.Builder request, URI uri, RegistryOptions options) {
        proxyAuthorization(uri, options).ifPresent(v -> request.header("Proxy-Authorization", v));
        return request;
    }

    static Optional<String> proxyAuthorization(URI uri, RegistryOptions options) {
        Optional<RegistryOptions.Proxy> proxy = options.proxy();
        if (proxy.isEmpty() || proxy.get().username() == null || proxy.get().password() == null
                || uri.getHost() == null || proxy.get().bypasses(uri.getHost())) {
            return Optional.empty();
        }
        RegistryOptions.Proxy p = proxy.get();
        return Optional.of("Basic " + Base64.getEncoder()
                .encodeToString((p.username() + ":" + p.password()).getBytes(StandardCharsets.UTF_8)));
    }

    static ProxySelector selector(RegistryOptions.Proxy proxy) {
        Proxy through = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port()));
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                String host = uri.getHost();
                return host != null && proxy.bypasses(host) ? List.of(Proxy.NO_PROXY) : List.of(through);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                // Nothing to learn: there is one proxy, and the request's own error reports the failure.
            }

            @Override
            public String toString() {
                return "proxy selector for " + proxy;
            }
        };
    }
}
