package io.github.ecrpromotion.oci.http;

import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Routes the registry and token requests through the configured HTTP proxy: every host goes through it except the
 * no-proxy hosts ({@link #selector}), and the proxy's credentials go to the proxy only.
 *
 * <p>How the credentials reach the proxy, per connection ({@link Connector}; nothing global is set):
 * <ul>
 *   <li>plain HTTP: a {@code Proxy-Authorization} header on every request sent through the proxy (a proxied
 *       request is the proxy's to read; it does not pass the header on);</li>
 *   <li>HTTPS: the JDK opens a tunnel with CONNECT, and everything after it goes to the registry, a header included;
 *       so the credentials are given to the connection's own {@link Authenticator}, which answers the proxy's 407
 *       on the CONNECT and never a server's 401 ({@link Auth} does the registry's auth itself).</li>
 * </ul>
 *
 * <p>Our selector is consulted for loopback hosts too (only the JDK's default selector skips them through
 * {@code http.nonProxyHosts}), so a registry on 127.0.0.1 is proxied unless it is a no-proxy host.
 *
 * <p>JDK quirk: by default the JDK does not send Basic proxy credentials on a CONNECT
 * ({@code jdk.http.auth.tunneling.disabledSchemes=Basic}); an authenticating proxy in front of HTTPS registries
 * needs {@code -Djdk.http.auth.tunneling.disabledSchemes=} on the JVM.
 */
final class ProxyRouting {
    private ProxyRouting() {
    }

    /**
     * The proxy a request for {@code uri} goes through ({@link Proxy#NO_PROXY} for a no-proxy host), or empty when the
     * options name no proxy (the JDK's default proxy selector then decides, as it always has).
     */
    static Optional<Proxy> proxy(URI uri, RegistryOptions options) {
        return options.proxy().map(p -> selector(p).select(uri).get(0));
    }

    /** The connection's authenticator for an HTTPS request through an authenticating proxy: the proxy's only. */
    static Authenticator authenticator(RegistryOptions.Proxy proxy) {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return getRequestorType() == RequestorType.PROXY && proxy.username() != null && proxy.password() != null
                        ? new PasswordAuthentication(proxy.username(), proxy.password().toCharArray()) : null;
            }

            @Override
            public String toString() {
                return "authenticator for " + proxy;
            }
        };
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
