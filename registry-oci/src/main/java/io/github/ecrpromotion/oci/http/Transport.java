package io.github.ecrpromotion.oci.http;

import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sends requests to one repository of a registry: builds URLs, applies the timeout and the proxy of the options, and
 * runs the auth exchange (one retry after a 401). Plain HTTP for loopback hosts or when the options ask for it;
 * HTTPS otherwise.
 */
final class Transport {
    private final HttpClient client;
    private final Repository repository;
    private final Duration timeout;
    private final URI base;
    private final String name;
    private final Auth auth;
    private final RegistryOptions options;

    Transport(Repository repository, RegistryOptions options) {
        this.repository = repository;
        this.options = options;
        this.timeout = options.timeout();
        // HTTP/1.1: predictable on plain-HTTP registries (no h2c upgrade); never follow redirects, so the
        // Authorization header is never replayed to another host.
        // The proxy, if any, applies to registry and token requests alike: Auth sends through this client too.
        this.client = ProxyRouting.apply(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER), options)
                .build();
        String host = repository.host().orElseThrow();
        String name = repository.name();
        // Docker Hub: the API lives on registry-1.docker.io and official images sit under library/.
        if (host.equals("docker.io") || host.equals("index.docker.io")) {
            host = "registry-1.docker.io";
            if (!name.contains("/")) {
                name = "library/" + name;
            }
        }
        String scheme = repository.isLoopback() || options.plainHttp() ? "http" : "https";
        this.base = URI.create(scheme + "://" + host + "/v2/");
        this.name = name;
        this.auth = new Auth(client, repository.host().orElseThrow(), options);
    }

    Repository repository() {
        return repository;
    }

    /** {@code <base>/v2/<name>/<path>}. */
    URI uri(String path) {
        return base.resolve(name + "/" + path);
    }

    /**
     * Sends the request, authenticating as the registry asks. Returns any status except an unresolved 401, which is
     * reported as AUTH. {@code push} selects the {@code pull,push} scope.
     */
    Response send(String action, String method, URI uri, Map<String, String> headers, byte[] body, boolean push)
            throws RegistryException {
        String scope = "repository:" + name + ":" + (push ? "pull,push" : "pull");
        Optional<String> authorization = auth.authorization(scope, action);
        Response r = exchange(action, method, uri, headers, body, authorization);
        if (r.status() == 407) {
            // Our proxy's answer, not the registry's: say so, with the proxy's description (never its password).
            throw HttpErrors.auth(action, "the proxy " + options.proxy().map(Object::toString).orElse("on the way")
                    + " refused the request (HTTP 407 Proxy Authentication Required)");
        }
        if (r.status() == 401) {
            Optional<String> retry = auth.retryAfter401(r.header("WWW-Authenticate"), scope, authorization, action);
            if (retry.isPresent()) {
                r = exchange(action, method, uri, headers, body, retry);
            }
            if (r.status() == 401) {
                throw HttpErrors.auth(action, auth.describeCredentials() + " (HTTP 401)");
            }
        }
        return r;
    }

    private Response exchange(String action, String method, URI uri, Map<String, String> headers, byte[] body,
                              Optional<String> authorization) throws RegistryException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        authorization.ifPresent(a -> b.header("Authorization", a));
        ProxyRouting.authorize(b, uri, options);
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers(), r.body() == null ? new byte[0] : r.body(), uri);
        } catch (IOException e) {
            throw HttpErrors.io(action, e, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw HttpErrors.io(action, e, timeout);
        }
    }
}
