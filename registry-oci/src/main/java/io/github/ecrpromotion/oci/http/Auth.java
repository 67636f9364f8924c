package io.github.ecrpromotion.oci.http;

import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RetryPolicy;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.oci.internal.Json;
import java.net.URI;
import java.time.Duration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authentication for one registry host, as docker and crane do it: anonymous until the registry answers 401, then
 * what its {@code WWW-Authenticate} challenge asks for. Basic: the credentials, sent on every later request. Bearer:
 * a token from the challenge's realm (asked with the credentials when there are any), cached per scope; once the
 * realm is known, a token for a new scope is fetched before the request. A 401 on a cached token means it expired:
 * it is dropped and fetched again, once. Credentials come from the options or, only when a registry asks and ambient
 * credentials are allowed, from the Docker config as docker reads it ({@link DockerConfig}: credential helpers, then
 * {@code auths}). A Jenkins controller turns ambient credentials off: its own {@code docker login}s must not serve
 * other people's jobs, so no Docker config file is read and no credential helper is run then, and a registry that
 * wants credentials sees anonymous requests.
 *
 * <p>An identity token (docker's {@code identitytoken}, a helper's {@code <token>} user) is used as docker and crane
 * use it: as an OAuth2 refresh token, POSTed to the token realm ({@code grant_type=refresh_token}); a registry that
 * asks for Basic auth cannot take one, and that is reported.
 */
final class Auth {
    private final Connector connector;
    private final String host;
    private final RegistryOptions options;
    /** Whether the registry is spoken to over HTTPS: then credentials never travel to its token realm in the clear. */
    private final boolean https;
    private final Secrets secrets;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private volatile Challenge bearer;
    private volatile boolean basic;
    private volatile Optional<Credentials> credentials;
    private volatile String searched;

    Auth(Connector connector, String host, boolean https, RegistryOptions options, Secrets secrets) {
        this.connector = connector;
        this.host = host;
        this.https = https;
        this.options = options;
        this.secrets = secrets;
    }

    /** The Authorization value to send for a request needing this scope, if any is known yet. */
    Optional<String> authorization(String scope, String action, Deadline deadline) throws RegistryException {
        String token = tokens.get(scope);
        if (token != null) {
            return Optional.of("Bearer " + token);
        }
        Challenge known = bearer;
        if (known != null) {
            return Optional.of("Bearer " + fetchToken(known, scope, action, deadline));
        }
        if (basic) {
            return credentials().map(Credentials::basicHeader);
        }
        return Optional.empty();
    }

    /**
     * After a 401: the Authorization value to retry with, or empty when retrying cannot help (the caller then
     * reports AUTH). {@code sent} is what the failed request carried.
     */
    Optional<String> retryAfter401(Optional<String> wwwAuthenticate, String scope, Optional<String> sent, String action,
                                   Deadline deadline) throws RegistryException {
        Optional<Challenge> parsed = wwwAuthenticate.flatMap(Challenge::parse);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Challenge c = parsed.get();
        if (c.isBearer()) {
            if (c.param("realm").isEmpty()) {
                throw HttpErrors.protocol(action, "the registry asked for a bearer token without saying where to get it (no realm)");
            }
            bearer = c;
            String wanted = c.param("scope").orElse(scope);
            // The token we sent (if any) is stale or too narrow: drop it and ask once more.
            tokens.remove(scope);
            tokens.remove(wanted);
            String token = fetchToken(c, wanted, action, deadline);
            tokens.put(scope, token);
            return Optional.of("Bearer " + token);
        }
        if (c.isBasic()) {
            basic = true;
            boolean sentBasic = sent.filter(v -> v.startsWith("Basic ")).isPresent();
            Optional<Credentials> creds = credentials();
            if (sentBasic || creds.isEmpty()) {
                return Optional.empty();
            }
            if (creds.get().isIdentityToken()) {
                throw HttpErrors.auth(action, "the registry asks for a user name and password (Basic auth), but the "
                        + "credentials for " + host + " are " + creds.get() + ", which only a token server takes");
            }
            return Optional.of(creds.get().basicHeader());
        }
        return Optional.empty();
    }

    /** Why a request stayed unauthorised, naming the user but never the password. */
    String describeCredentials() {
        Optional<Credentials> c = credentials == null ? Optional.empty() : credentials;
        if (c.isPresent()) {
            return "the registry rejected the credentials of " + c.get();
        }
        if (!options.ambientCredentialsAllowed()) {
            return "the registry requires credentials and none were given (no user name in the options; ambient "
                    + "credentials such as a Docker config file are not allowed here)";
        }
        return "the registry requires credentials and none were given (no user name in the options, and "
                + (searched == null ? "no Docker config was read" : searched) + ")";
    }

    /** Synchronized: concurrent HEADs that meet their first 401 together run a credential helper once, not each. */
    private synchronized Optional<Credentials> credentials() throws RegistryException {
        Optional<Credentials> c = credentials;
        if (c == null) {
            if (options.username().isPresent()) {
                c = Optional.of(new Credentials(options.username().get(), options.password().orElse(""), "the options"));
            } else if (options.ambientCredentialsAllowed()) {
                DockerConfig.Lookup found = DockerConfig.lookup(options, host);
                searched = found.searched();
                c = found.credentials();
            } else {
                c = Optional.empty();
            }
            c.ifPresent(cr -> secrets.addCredentials(cr.username(), cr.password()));
            credentials = c;
        }
        return c;
    }

    /**
     * The registry names the token realm, and the credentials go there: only over HTTPS, or to the registry's own host
     * when the registry itself is spoken to over plain HTTP (a plain-HTTP registry on a trusted network), or from a
     * loopback registry to a loopback token server. An HTTPS registry never sends them to a plain-HTTP realm, even on
     * its own host: that would undo the TLS the user asked for. Never to a link-local address (169.254.0.0/16,
     * fe80::/10: cloud metadata services) a remote registry points at.
     */
    private void requireSafeRealm(URI realm, String action) throws RegistryException {
        String realmHost = realm.getHost() == null ? "" : realm.getHost().toLowerCase(java.util.Locale.ROOT);
        String registryHost = host.replaceFirst(":\\d+$", "").replaceAll("^\\[|\\]$", "").toLowerCase(java.util.Locale.ROOT);
        String bareRealm = realmHost.replaceAll("^\\[|\\]$", "");
        boolean sameHost = bareRealm.equals(registryHost);
        boolean bothLoopback = loopback(bareRealm) && loopback(registryHost);
        if (!sameHost && !bothLoopback && linkLocal(bareRealm)) {
            throw HttpErrors.auth(action, "the registry names the token realm " + realm.getScheme() + "://" + realmHost
                    + ", a link-local address (such as a cloud metadata service), and credentials are never sent there");
        }
        if (!"https".equalsIgnoreCase(realm.getScheme()) && https && !bothLoopback) {
            throw HttpErrors.auth(action, "the registry is spoken to over HTTPS but names the token realm "
                    + realm.getScheme() + "://" + realmHost + " over plain HTTP, and credentials are never sent in the "
                    + "clear to a registry reached over HTTPS");
        }
        if (!"https".equalsIgnoreCase(realm.getScheme()) && !sameHost && !bothLoopback) {
            throw HttpErrors.auth(action, "the registry names the token realm " + realm.getScheme() + "://" + realmHost
                    + ", another host over plain HTTP, and credentials are sent to another host only over HTTPS");
        }
    }

    private static boolean loopback(String h) {
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    private static boolean linkLocal(String h) {
        return h.startsWith("169.254.") || h.startsWith("fe8") || h.startsWith("fe9") || h.startsWith("fea")
                || h.startsWith("feb");
    }

    private String fetchToken(Challenge c, String scope, String action, Deadline deadline) throws RegistryException {
        String cached = tokens.get(scope);
        if (cached != null) {
            return cached;
        }
        String realm = c.param("realm").orElseThrow();
        StringBuilder query = new StringBuilder();
        c.param("service").ifPresent(s -> query.append("service=").append(enc(s)));
        if (!scope.isEmpty()) {
            query.append(query.length() > 0 ? "&" : "").append("scope=").append(enc(scope));
        }
        Optional<Credentials> creds = credentials();
        boolean refresh = creds.filter(Credentials::isIdentityToken).isPresent();
        if (refresh) {
            return fetchWithRefreshToken(c, scope, creds.get(), action, deadline);
        }
        creds.ifPresent(cr -> query.append(query.length() > 0 ? "&" : "").append("account=").append(enc(cr.username())));
        URI uri;
        try {
            uri = URI.create(realm + (query.length() == 0 ? "" : (realm.contains("?") ? "&" : "?") + query));
        } catch (IllegalArgumentException bad) {
            throw HttpErrors.protocol(action, "the registry's token realm is not a valid URL");
        }
        Transport.requestable(uri, action);
        if (creds.isPresent()) {
            requireSafeRealm(uri, action);
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Accept", "application/json");
        creds.ifPresent(cr -> headers.put("Authorization", cr.basicHeader()));
        // The token server's body is never quoted (it may echo the credentials); it is read only up to 1 MiB.
        // A token server that is busy (429, 502-504) or drops the connection gets the registry's retry policy.
        String fetching = action + " (fetching a token from " + uri.getHost() + ")";
        for (int attempt = 1; ; attempt++) {
            Connector.Answer r;
            try {
                r = connector.call("GET", uri, headers, null, CappedBody.Limit.TOKEN, deadline, fetching);
            } catch (RegistryException e) {
                Duration wait = RetryPolicy.backoff(attempt + 1, false);
                if (!e.isRetryable() || !(e.getCause() instanceof java.io.IOException io) || !Transport.passing(io)
                        || attempt >= RetryPolicy.MAX_ATTEMPTS || !deadline.fits(wait)) {
                    throw HttpErrors.withAttempts(e, attempt);
                }
                Transport.pause(wait, fetching);
                continue;
            }
            if (Transport.retryable(r.status()) && attempt < RetryPolicy.MAX_ATTEMPTS) {
                Optional<Duration> asked = RetryPolicy.retryAfter(r.headers().firstValue("Retry-After").orElse(null),
                        java.time.Instant.now()).filter(d -> d.compareTo(RetryPolicy.MAX_RETRY_AFTER) <= 0);
                Duration wait = asked.orElse(RetryPolicy.backoff(attempt + 1, r.status() == 429));
                if (deadline.fits(wait)) {
                    Transport.pause(wait, fetching);
                    continue;
                }
            }
            return tokenFrom(r, uri, scope, action);
        }
    }

    /**
     * The OAuth2 form of the token request, for an identity token (distribution's token spec, "OAuth2 Token"): a
     * POST of {@code grant_type=refresh_token} with the token, the service, the scope and a client id.
     */
    private String fetchWithRefreshToken(Challenge c, String scope, Credentials creds, String action, Deadline deadline)
            throws RegistryException {
        URI uri;
        try {
            uri = URI.create(c.param("realm").orElseThrow());
        } catch (IllegalArgumentException bad) {
            throw HttpErrors.protocol(action, "the registry's token realm is not a valid URL");
        }
        Transport.requestable(uri, action);
        requireSafeRealm(uri, action);
        StringBuilder form = new StringBuilder("grant_type=refresh_token&client_id=ecr-promotion&refresh_token=")
                .append(enc(creds.password()));
        c.param("service").ifPresent(s -> form.append("&service=").append(enc(s)));
        if (!scope.isEmpty()) {
            form.append("&scope=").append(enc(scope));
        }
        Map<String, String> headers = Map.of("Content-Type", "application/x-www-form-urlencoded",
                "Accept", "application/json");
        Connector.Answer r = connector.call("POST", uri, headers, form.toString().getBytes(StandardCharsets.UTF_8),
                CappedBody.Limit.TOKEN, deadline, action + " (fetching a token from " + uri.getHost() + ")");
        return tokenFrom(r, uri, scope, action);
    }

    private String tokenFrom(Connector.Answer r, URI uri, String scope, String action) throws RegistryException {
        if (r.status() == 401 || r.status() == 403) {
            throw HttpErrors.auth(action, "the token server at " + uri.getHost() + " refused to issue a token for "
                    + scope + " (HTTP " + r.status() + "); " + describeCredentials());
        }
        if (r.status() != 200) {
            throw new RegistryException(r.status() >= 500 ? RegistryException.Reason.UNAVAILABLE : RegistryException.Reason.PROTOCOL,
                    "Tried to " + action + " but failed because the token server at " + uri.getHost()
                            + " answered HTTP " + r.status());
        }
        String token;
        try {
            Map<String, Object> doc = Json.parseObject(new String(r.body(), StandardCharsets.UTF_8));
            token = Json.string(doc.get("token"));
            if (token == null || token.isEmpty()) {
                token = Json.string(doc.get("access_token"));
            }
        } catch (IllegalArgumentException e) {
            token = null;
        }
        if (token == null || token.isEmpty()) {
            throw HttpErrors.protocol(action, "the token server at " + uri.getHost() + " answered without a token");
        }
        secrets.add(token);
        if (!token.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
            // The JDK would refuse the header quoting its value; the token is never shown.
            throw HttpErrors.protocol(action, "the token server at " + uri.getHost() + " answered with a token that "
                    + "cannot be sent in an HTTP header (it holds a space, a control or a non-ASCII character)");
        }
        tokens.put(scope, token);
        return token;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
