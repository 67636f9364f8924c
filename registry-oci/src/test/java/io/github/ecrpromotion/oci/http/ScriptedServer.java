package io.github.ecrpromotion.oci.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A JDK HttpServer on a free 127.0.0.1 port that answers from a script and records every request it receives. */
final class ScriptedServer implements AutoCloseable {
    /** A request as received: method, path with query, headers (lower-case names), body. */
    record Request(String method, String target, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }
    }

    /** What to answer. */
    record Reply(int status, Map<String, String> headers, byte[] body) {
        static Reply of(int status) {
            return new Reply(status, Map.of(), new byte[0]);
        }

        static Reply json(int status, String body, String... headerPairs) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Content-Type", "application/json");
            for (int i = 0; i < headerPairs.length; i += 2) {
                h.put(headerPairs[i], headerPairs[i + 1]);
            }
            return new Reply(status, h, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    ScriptedServer(Function<Request, Reply> script) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> handle(exchange, script));
        server.start();
    }

    private void handle(HttpExchange ex, Function<Request, Reply> script) throws IOException {
        try (ex) {
            Map<String, String> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            Request req = new Request(ex.getRequestMethod(), ex.getRequestURI().toString(), headers,
                    ex.getRequestBody().readAllBytes());
            requests.add(req);
            Reply reply;
            try {
                reply = script.apply(req);
            } catch (RuntimeException | AssertionError e) {
                reply = Reply.json(500, "{\"errors\":[{\"code\":\"SCRIPT\",\"message\":\"script failed\"}]}");
            }
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            boolean head = req.method().equals("HEAD");
            if (head || reply.body().length == 0) {
                if (head && reply.body().length > 0) {
                    ex.getResponseHeaders().set("Content-Length", String.valueOf(reply.body().length));
                }
                ex.sendResponseHeaders(reply.status(), -1);
            } else {
                ex.sendResponseHeaders(reply.status(), reply.body().length);
                ex.getResponseBody().write(reply.body());
            }
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** {@code 127.0.0.1:PORT}. */
    String hostPort() {
        return "127.0.0.1:" + port();
    }

    List<Request> requests() {
        return new ArrayList<>(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
