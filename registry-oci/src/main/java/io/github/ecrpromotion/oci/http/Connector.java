package io.github.ecrpromotion.oci.http;

import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends one HTTP request, registry's or token server's, with the JDK's {@link HttpURLConnection}: its proxy, TLS trust
 * and deadline from the options, nothing global changed. The JDK's {@code java.net.http} client is not used: for a
 * process that lives a second, starting it (its classes, selector thread and default SSLContext) costs several times
 * what the requests do (docs/performance.md).
 *
 * <p>Per connection: redirects are not followed (the {@link Transport} follows them itself) and the JDK answers no
 * server's 401 (no {@link Authenticator} but for an HTTPS proxy's CONNECT, see {@link ProxyRouting}); the proxy, if
 * any, is the one {@link ProxyRouting} picks for the URL; a CA file or {@code --tls-verify=false} sets this
 * connection's socket factory (and host name check), never the JDK's defaults. A PUT or POST body is sent with a
 * fixed length, which also keeps the JDK from silently sending it a second time when the connection breaks; a GET or
 * HEAD whose connection breaks before the status line is sent once more by the JDK itself (meant for a keep-alive
 * connection the server closed meanwhile), within one attempt of the {@link Transport}'s retry policy. Keep-alive
 * connections are pooled by the JDK.
 *
 * <p>The deadline: connect and read timeouts are what is left of it when the request starts, and a watchdog
 * disconnects a request still running when it passes (a body that drips a byte at a time never meets a read
 * timeout).
 */
final class Connector {
    /** The User-Agent of every request: this tool's name and, in a released jar, its version. */
    static final String USER_AGENT = "ecr-promotion/" + java.util.Optional.ofNullable(
            Connector.class.getPackage().getImplementationVersion()).orElse("development");

    /** The deadline passed: while connecting, or while waiting for the answer or its body. */
    static final class TimedOut extends IOException {
        private static final long serialVersionUID = 1L;
        final boolean connecting;

        TimedOut(boolean connecting, String message) {
            super(message);
            this.connecting = connecting;
        }
    }

    /** One answer: status, header fields and the body as sent (not decoded), read up to its limit. */
    record Answer(int status, Headers headers, byte[] body) {
    }

    private final RegistryOptions options;
    private final SSLSocketFactory sockets;
    private final boolean verifyHostNames;
    /** For HTTPS through an authenticating proxy: one per connector, so the JDK's cache of proxy answers serves all. */
    private final Authenticator proxyAuthenticator;
    /** A CA file that cannot be read: reported by the first request, as every other failure is. */
    private final RegistryException tlsFailure;

    Connector(RegistryOptions options) {
        this.options = options;
        SSLSocketFactory factory = null;
        RegistryException failure = null;
        try {
            factory = Tls.context(options).map(SSLContext::getSocketFactory).orElse(null);
        } catch (RegistryException e) {
            failure = e;
        }
        this.sockets = factory;
        this.tlsFailure = failure;
        // --tls-verify=false: the trust manager accepts everything, and the host name check is skipped too.
        this.verifyHostNames = options.tlsVerify();
        this.proxyAuthenticator = options.proxy().map(ProxyRouting::authenticator).orElse(null);
    }

    /**
     * Sends {@code method} to {@code uri} with {@code headers} and {@code body} (null: none) and reads the answer,
     * body included, before the deadline; bodies are read through {@link CappedBody}. Failures become the backend's
     * exceptions.
     */
    Answer call(String method, URI uri, Map<String, String> headers, byte[] body, CappedBody.Limit limit,
                Deadline deadline, String action) throws RegistryException {
        if (tlsFailure != null) {
            throw tlsFailure;
        }
        Duration left = deadline.remaining();
        if (left.isNegative() || left.isZero()) {
            throw HttpErrors.io(action, new TimedOut(false, "the time was up before the request"), deadline.timeout());
        }
        HttpURLConnection c;
        try {
            c = open(uri, method, headers, body, left);
        } catch (IllegalArgumentException | IOException e) {
            throw HttpErrors.protocol(action, "the URL " + uri.getScheme() + "://" + uri.getRawAuthority()
                    + " cannot be requested (" + e.getClass().getSimpleName() + ")");
        }
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> watchdog = Watchdog.EXECUTOR.schedule(() -> {
            late.set(true);
            c.disconnect();
        }, left.toNanos(), TimeUnit.NANOSECONDS);
        boolean connected = false;
        try {
            try {
                c.connect();
            } catch (SocketTimeoutException e) {
                throw new TimedOut(true, "connecting took too long");
            }
            connected = true;
            if (body != null) {
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = c.getResponseCode();
            if (status < 0) {
                throw new IOException("the answer is not HTTP");
            }
            Headers h = Headers.of(c.getHeaderFields());
            byte[] bytes;
            if (method.equals("HEAD")) {
                bytes = new byte[0];
                try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                    // Nothing to read: closing hands the connection back to the pool.
                }
            } else {
                try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                    bytes = CappedBody.read(in, status, h.firstValueAsLong("Content-Length").orElse(-1), limit);
                }
            }
            if (late.get()) {
                throw new TimedOut(false, "the answer did not end in time");
            }
            return new Answer(status, h, bytes);
        } catch (IOException e) {
            c.disconnect();
            if (e instanceof CappedBody.TooLarge tooLarge) {
                throw HttpErrors.protocol(action, "the registry's answer is larger than " + tooLarge.limit);
            }
            if (String.valueOf(e.getMessage()).startsWith("Unable to tunnel through proxy")
                    && e.getMessage().contains(" 407")) {
                // The proxy refused the CONNECT of an HTTPS request: its answer, as Transport reports a plain 407.
                throw HttpErrors.auth(action, "the proxy " + options.proxy().map(Object::toString).orElse("on the way")
                        + " refused the request (HTTP 407 Proxy Authentication Required)" + tunnelingHint());
            }
            IOException why = e instanceof TimedOut ? e
                    : late.get() || e instanceof SocketTimeoutException
                    ? new TimedOut(!connected, late.get() ? "the answer did not end in time" : e.getMessage()) : e;
            throw HttpErrors.io(action, why, deadline.timeout(), uri.getHost());
        } finally {
            watchdog.cancel(false);
        }
    }

    /**
     * Why the proxy's credentials may not have been sent on the CONNECT: the JDK's default
     * {@code jdk.http.auth.tunneling.disabledSchemes=Basic}, read once when the JDK's HTTP classes load.
     */
    private String tunnelingHint() {
        boolean credentials = options.proxy().filter(p -> p.username() != null && p.password() != null).isPresent();
        String disabled = System.getProperty("jdk.http.auth.tunneling.disabledSchemes", "Basic");
        return credentials && disabled.toLowerCase(java.util.Locale.ROOT).contains("basic")
                ? "; the JDK sends Basic proxy credentials for HTTPS registries only when the JVM runs with "
                + "-Djdk.http.auth.tunneling.disabledSchemes= (empty)" : "";
    }

    /** Answers nobody: the registry's 401 is the {@link Transport}'s to handle. */
    private static final Authenticator NO_ONE = new Authenticator() {
        @Override
        protected java.net.PasswordAuthentication getPasswordAuthentication() {
            return null;
        }
    };

    private HttpURLConnection open(URI uri, String method, Map<String, String> headers, byte[] body, Duration left)
            throws IOException {
        Optional<Proxy> proxy = ProxyRouting.proxy(uri, options);
        HttpURLConnection c = (HttpURLConnection) (proxy.isPresent() ? uri.toURL().openConnection(proxy.get())
                : uri.toURL().openConnection());
        int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, left.toMillis()));
        c.setConnectTimeout(ms);
        c.setReadTimeout(ms);
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        c.setAllowUserInteraction(false);
        c.setRequestMethod(method);
        if (c instanceof HttpsURLConnection https) {
            if (sockets != null) {
                https.setSSLSocketFactory(sockets);
            }
            if (!verifyHostNames) {
                https.setHostnameVerifier((host, session) -> true);
            }
        }
        // The JDK's default Accept (text/html, ...) means nothing to a registry; ask for anything unless told.
        c.setRequestProperty("Accept", "*/*");
        // Registries log the client (as they do skopeo's and crane's); the JDK's "Java/17" would say nothing.
        c.setRequestProperty("User-Agent", USER_AGENT);
        headers.forEach(c::setRequestProperty);
        // Never the JVM's default Authenticator (Jenkins installs one for its proxy, any plugin may): it would answer
        // the registry's 401 with credentials nobody gave this tool, and its answers land in the JVM-wide auth cache.
        // A connection's own authenticator also gets an auth cache of its own.
        Optional<String> proxyAuthorization = ProxyRouting.proxyAuthorization(uri, options);
        boolean tunnel = proxyAuthorization.isPresent() && "https".equalsIgnoreCase(uri.getScheme());
        // A header set here would travel inside the tunnel to the registry: the proxy's credentials go on the CONNECT
        // only, when the proxy asks for them (407), by an authenticator that answers the proxy alone.
        c.setAuthenticator(tunnel ? proxyAuthenticator : NO_ONE);
        if (proxyAuthorization.isPresent()) {
            if (!tunnel) {
                c.setRequestProperty("Proxy-Authorization", proxyAuthorization.get());
            }
        }
        if (body != null) {
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(body.length);
        }
        return c;
    }

    /** One daemon thread that ends the requests which outlive their deadline, made when the first request is. */
    private static final class Watchdog {
        static final ScheduledThreadPoolExecutor EXECUTOR = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "registry-request-deadline");
            t.setDaemon(true);
            return t;
        });

        static {
            EXECUTOR.setRemoveOnCancelPolicy(true);
        }
    }
}
