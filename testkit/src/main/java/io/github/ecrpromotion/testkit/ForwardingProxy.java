package io.github.ecrpromotion.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real forwarding HTTP proxy for plain-HTTP targets, on a free 127.0.0.1 port: it takes requests in the absolute
 * form a client sends to a proxy ({@code GET http://127.0.0.1:5000/v2/ HTTP/1.1}), forwards them to that target
 * and relays the answer. No CONNECT (the test servers speak plain HTTP). With {@link #requireCredentials} it answers
 * 407 with a Basic challenge until a request carries the right {@code Proxy-Authorization}, which it never forwards.
 * Every request it received is recorded, so tests count what went through it.
 */
public final class ForwardingProxy implements AutoCloseable {
    /** Hop-by-hop headers (and the proxy's own credentials): never passed on to the target. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "proxy-authorization", "date");

    /** One request as the proxy received it. */
    public record Request(String method, URI target, String proxyAuthorization) {
        @Override
        public String toString() {
            return method + " " + target + (proxyAuthorization == null ? "" : " (with Proxy-Authorization)");
        }
    }

    static {
        // As in RegistryFront: without TCP_NODELAY the JDK server adds ~40 ms to every answer with a body.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "forwarding-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile String expectedAuthorization;

    private ForwardingProxy() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static ForwardingProxy start() {
        try {
            return new ForwardingProxy();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the forwarding proxy", e);
        }
    }

    /** From now on, only requests with these Basic credentials are forwarded; the others get 407. */
    public ForwardingProxy requireCredentials(String user, String password) {
        expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public String host() {
        return server.getAddress().getAddress().getHostAddress();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every request received, in order (407-answered ones included). */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests forwarded to their target (not refused with 407). */
    public long forwarded() {
        String expected = expectedAuthorization;
        return requests.stream().filter(r -> expected == null || expected.equals(r.proxyAuthorization())).count();
    }

    public void reset() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            URI target = ex.getRequestURI();
            String auth = ex.getRequestHeaders().getFirst("Proxy-Authorization");
            byte[] body = ex.getRequestBody().readAllBytes();
            requests.add(new Request(ex.getRequestMethod(), target, auth));
            if (target.getScheme() == null || target.getHost() == null) {
                answer(ex, 400, "forwarding proxy: not an absolute-form request: " + target);
                return;
            }
            String expected = expectedAuthorization;
            if (expected != null && !expected.equals(auth)) {
                ex.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"test-proxy\"");
                answer(ex, 407, "proxy authentication required");
                return;
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                    .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            ex.getRequestHeaders().forEach((k, values) -> {
                if (!NOT_FORWARDED.contains(k.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> b.header(k, v));
                }
            });
            HttpResponse<byte[]> r;
            try {
                r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                answer(ex, 502, "forwarding proxy: " + target + " failed: " + e);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer(ex, 502, "forwarding proxy: interrupted");
                return;
            }
            String contentLength = null;
            for (var e : r.headers().map().entrySet()) {
                String k = e.getKey().toLowerCase(Locale.ROOT);
                if (k.equals("content-length")) {
                    contentLength = e.getValue().isEmpty() ? null : e.getValue().get(0);
                } else if (!k.startsWith(":") && !NOT_FORWARDED.contains(k)) {
                    e.getValue().forEach(v -> ex.getResponseHeaders().add(e.getKey(), v));
                }
            }
            byte[] answer = r.body() == null ? new byte[0] : r.body();
            if (ex.getRequestMethod().equals("HEAD")) {
                if (contentLength != null) {
                    ex.getResponseHeaders().set("Content-Length", contentLength);
                }
                ex.sendResponseHeaders(r.statusCode(), -1);
            } else if (answer.length == 0) {
                ex.sendResponseHeaders(r.statusCode(), -1);
            } else {
                ex.sendResponseHeaders(r.statusCode(), answer.length);
                ex.getResponseBody().write(answer);
            }
        }
    }

    private static void answer(HttpExchange ex, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    @Override
    public String toString() {
        return "forwarding proxy on " + host() + ":" + port();
    }
}
