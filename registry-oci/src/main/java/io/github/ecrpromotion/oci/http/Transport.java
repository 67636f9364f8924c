package io.github.ecrpromotion.oci.http;

import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.core.registry.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Sends requests to one repository of a registry: builds URLs, applies the proxy of the options, runs the auth
 * exchange (one retry after a 401), follows redirects, retries reads by the shared {@link RetryPolicy}, and ends
 * every request, body included, at the call's {@link Deadline}. Plain HTTP for loopback hosts or when the options
 * ask for it; HTTPS otherwise.
 *
 * <p>Redirects are followed here, not by the JDK: for GET and HEAD on 301, 302, 303, 307 and 308, for PUT only
 * on 307 and 308 (which keep the method and body), at most {@value #MAX_REDIRECTS} hops, and the Authorization header
 * goes only to the scheme, host and port it was made for (the JDK's redirect following would replay it to any host).
 */
final class Transport {
    static final int MAX_REDIRECTS = 5;

    private final Connector connector;
    private final Repository repository;
    private final URI base;
    private final String name;
    private final Auth auth;
    private final RegistryOptions options;
    private final Secrets secrets;

    Transport(Repository repository, RegistryOptions options) {
        this.repository = repository;
        this.options = options;
        this.secrets = Secrets.of(options);
        // The proxy, if any, applies to registry and token requests alike: Auth sends through this connector too.
        // TLS trust (a CA file, or no verification) likewise applies to the token server as well as the registry.
        this.connector = new Connector(options);
        String host = repository.host().orElseThrow();
        String name = repository.name();
        // Docker Hub: the API lives on registry-1.docker.io and official images sit under library/.
        if (host.equals("docker.io") || host.equals("index.docker.io")) {
            host = "registry-1.docker.io";
            if (!name.contains("/")) {
                name = "library/" + name;
            }
        }
        // Loopback hosts speak plain HTTP unless the options ask for TLS (crane and docker treat them so too).
        String scheme = options.tls() ? "https" : repository.isLoopback() || options.plainHttp() ? "http" : "https";
        this.base = URI.create(scheme + "://" + host + "/v2/");
        this.name = name;
        this.auth = new Auth(connector, repository.host().orElseThrow(), "https".equals(scheme), options, secrets);
    }

    Repository repository() {
        return repository;
    }

    Secrets secrets() {
        return secrets;
    }

    Duration timeout() {
        return options.timeout();
    }

    /** {@code <base>/v2/<name>/<path>}. */
    URI uri(String path) {
        return base.resolve(name + "/" + path);
    }

    /**
     * Sends the request, authenticating as the registry asks, following redirects. Returns any status except an
     * unresolved 401, which is reported as AUTH. {@code push} selects the {@code pull,push} scope. A GET or HEAD
     * answered 429, 502, 503 or 504, or lost to a broken connection, is sent again by the {@link RetryPolicy}, while
     * the deadline allows; the answer then says how many attempts were made. A PUT is sent once: whether a lost PUT
     * landed only a read can tell (see {@link Manifests#put}).
     */
    Response send(String action, String method, URI uri, Map<String, String> headers, byte[] body, boolean push,
                  CappedBody.Limit limit, Deadline deadline) throws RegistryException {
        boolean read = method.equals("GET") || method.equals("HEAD");
        int attempt = 1;
        while (true) {
            Response r;
            try {
                r = sendOnce(action, method, uri, headers, body, push, limit, deadline);
            } catch (RegistryException e) {
                if (!read || !e.isRetryable() || !(e.getCause() instanceof IOException io) || !passing(io)
                        || attempt >= RetryPolicy.MAX_ATTEMPTS) {
                    throw HttpErrors.withAttempts(e, attempt);
                }
                Duration wait = RetryPolicy.backoff(attempt + 1, false);
                if (!deadline.fits(wait)) {
                    throw HttpErrors.withAttempts(e, attempt);
                }
                pause(wait, action);
                attempt++;
                continue;
            }
            if (!read || !retryable(r.status())) {
                return r.after(attempt, null);
            }
            if (attempt >= RetryPolicy.MAX_ATTEMPTS) {
                return r.after(attempt, null);
            }
            Optional<Duration> asked = r.status() == 429 || r.status() == 503
                    ? RetryPolicy.retryAfter(r.header("Retry-After").orElse(null), Instant.now()) : Optional.empty();
            if (asked.isPresent() && asked.get().compareTo(RetryPolicy.MAX_RETRY_AFTER) > 0) {
                return r.after(attempt, "the registry asked to wait " + asked.get().toSeconds() + " s (Retry-After), longer "
                        + "than the " + RetryPolicy.MAX_RETRY_AFTER.toSeconds() + " s this tool waits");
            }
            Duration wait = asked.isPresent() ? asked.get() : RetryPolicy.backoff(attempt + 1, r.status() == 429);
            if (!deadline.fits(wait)) {
                return r.after(attempt, "waiting " + wait.toMillis() + " ms more would pass the timeout of "
                        + HttpErrors.seconds(deadline.timeout()));
            }
            pause(wait, action);
            attempt++;
        }
    }

    /** 429 and the gateway answers that mean "not now": the request did not reach a registry that could do it. */
    static boolean retryable(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /**
     * A connection that broke (reset, closed early, EOF) is worth another try; one that was refused, a host that does
     * not resolve, a TLS failure, an answer too large or the deadline are not.
     */
    static boolean passing(IOException e) {
        return !(e instanceof ConnectException || e instanceof UnknownHostException || e instanceof SSLException
                || e instanceof Connector.TimedOut || e instanceof java.net.SocketTimeoutException
                || e instanceof CappedBody.TooLarge
                || e.getCause() instanceof ConnectException || e.getCause() instanceof UnknownHostException
                || e.getCause() instanceof SSLException);
    }

    static void pause(Duration wait, String action) throws RegistryException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw HttpErrors.io(action, e, wait);
        }
    }

    private Response sendOnce(String action, String method, URI uri, Map<String, String> headers, byte[] body,
                              boolean push, CappedBody.Limit limit, Deadline deadline) throws RegistryException {
        String scope = "repository:" + name + ":" + (push ? "pull,push" : "pull");
        Optional<String> authorization = auth.authorization(scope, action, deadline);
        Response r = following(action, method, uri, headers, body, authorization, limit, deadline);
        if (r.status() == 407) {
            // Our proxy's answer, not the registry's: say so, with the proxy's description (never its password).
            throw HttpErrors.auth(action, "the proxy " + options.proxy().map(Object::toString).orElse("on the way")
                    + " refused the request (HTTP 407 Proxy Authentication Required)");
        }
        if (r.status() == 401 && !sameOrigin(base, r.uri())) {
            // Another host (a Link or a redirect led there) wants credentials: they are the registry's, never its.
            throw HttpErrors.auth(action, "the registry sent the request on to " + r.uri().getScheme() + "://"
                    + r.uri().getRawAuthority() + ", which asks for credentials (HTTP 401), and credentials go only to "
                    + "the registry at " + base.getScheme() + "://" + base.getRawAuthority());
        }
        if (r.status() == 401) {
            Optional<String> retry = auth.retryAfter401(r.header("WWW-Authenticate"), scope, authorization, action,
                    deadline);
            if (retry.isPresent()) {
                r = following(action, method, uri, headers, body, retry, limit, deadline);
            }
            if (r.status() == 401) {
                throw HttpErrors.auth(action, auth.describeCredentials() + " (HTTP 401)");
            }
        }
        return r;
    }

    /** One exchange and the redirects it leads to. */
    private Response following(String action, String method, URI uri, Map<String, String> headers, byte[] body,
                               Optional<String> authorization, CappedBody.Limit limit, Deadline deadline)
            throws RegistryException {
        URI at = uri;
        Set<URI> seen = new HashSet<>();
        seen.add(at);
        for (int hop = 0; ; hop++) {
            // Credentials are for the registry, not for wherever a Link or a redirect leads (a CDN, a storage bucket,
            // another host a hostile registry names): only requests to the registry's own scheme, host and port get
            // them.
            Optional<String> auth = sameOrigin(base, at) ? authorization : Optional.empty();
            Response r = exchange(action, method, at, headers, body, auth, limit, deadline);
            if (!redirects(method, r.status())) {
                return r;
            }
            Optional<String> location = r.header("Location").map(String::trim).filter(l -> !l.isEmpty());
            if (location.isEmpty()) {
                return r;
            }
            URI next;
            try {
                next = at.resolve(location.get());
            } catch (IllegalArgumentException bad) {
                throw HttpErrors.protocol(action, "the registry redirected (HTTP " + r.status() + ") to an invalid URL");
            }
            if (!"http".equalsIgnoreCase(next.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
                throw HttpErrors.protocol(action, "the registry redirected (HTTP " + r.status() + ") to a URL that is "
                        + "neither http nor https");
            }
            if (!seen.add(next)) {
                throw HttpErrors.protocol(action, "the registry's redirects go round in a circle (back to "
                        + next.getScheme() + "://" + next.getRawAuthority() + next.getRawPath() + ")");
            }
            if (hop + 1 > MAX_REDIRECTS) {
                throw HttpErrors.protocol(action, "the registry redirected more than " + MAX_REDIRECTS + " times");
            }
            at = next;
        }
    }

    private static boolean redirects(String method, int status) {
        if (status == 307 || status == 308) {
            return true;
        }
        return (status == 301 || status == 302 || status == 303) && (method.equals("GET") || method.equals("HEAD"));
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && Objects.equals(lower(a.getHost()), lower(b.getHost()))
                && port(a) == port(b);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /**
     * A URL a registry chose (a Link, a Location, a token realm) that can be requested: http or https with a
     * host. Anything else is the registry's error, reported as such rather than as the JDK's IllegalArgumentException.
     */
    static void requestable(URI uri, String action) throws RegistryException {
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw HttpErrors.protocol(action, "the registry pointed at a URL that is not http or https with a host name");
        }
    }

    private Response exchange(String action, String method, URI uri, Map<String, String> headers, byte[] body,
                              Optional<String> authorization, CappedBody.Limit limit, Deadline deadline)
            throws RegistryException {
        requestable(uri, action);
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        authorization.ifPresent(a -> all.put("Authorization", a));
        Connector.Answer r = connector.call(method, uri, all, body, limit, deadline, action);
        return new Response(r.status(), r.headers(), decoded(r.status(), r.headers(), r.body(), limit, action), uri,
                secrets, 1, null);
    }

    /**
     * The body without a {@code Content-Encoding: gzip} a proxy put on it (Go clients such as crane ask for gzip and
     * decode it, so such proxies exist), decoded up to the endpoint's limit. Another encoding, or a gzip body that
     * does not decode, is a PROTOCOL error on a success answer; an error answer then just has no body to quote.
     */
    static byte[] decoded(int status, Headers headers, byte[] body, CappedBody.Limit limit,
                          String action) throws RegistryException {
        String encoding = headers.firstValue("Content-Encoding").map(String::trim).orElse("");
        if (body.length == 0 || encoding.isEmpty() || encoding.equalsIgnoreCase("identity")) {
            return body;
        }
        boolean success = status / 100 == 2;
        CappedBody.Limit cap = success ? limit : CappedBody.Limit.ERROR;
        if (encoding.equalsIgnoreCase("gzip") || encoding.equalsIgnoreCase("x-gzip")) {
            try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                    new java.io.ByteArrayInputStream(body))) {
                byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap.bytes() + 1));
                if (out.length <= cap.bytes()) {
                    return out;
                }
                if (!success) {
                    return java.util.Arrays.copyOf(out, (int) cap.bytes());
                }
                throw HttpErrors.protocol(action, "the registry's answer is larger than " + cap);
            } catch (IOException e) {
                if (!success) {
                    return new byte[0];
                }
                throw HttpErrors.protocol(action, "the registry's answer is marked gzip-encoded (Content-Encoding) but "
                        + "does not decode as gzip");
            }
        }
        if (!success) {
            return new byte[0];
        }
        throw HttpErrors.protocol(action, "the registry's answer is encoded in a way this tool does not decode "
                + "(Content-Encoding other than gzip)");
    }
}
